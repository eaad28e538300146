package org.aftercarebridge.cluster;

import java.util.Map;
import org.aftercarebridge.integration.support.IntegrationConfiguration.ClusterProperties;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production on Kubernetes ({@code aftercare.cluster.lease=kubernetes}): which replica runs the
 * singleton routes is decided by a coordination.k8s.io Lease, through Camel's Kubernetes cluster
 * service. The pod needs a service account allowed to get, create and update leases in its namespace
 * and to list its pods: the candidates are the pods labelled {@code aftercare.cluster.pod-labels}
 * (the Helm chart sets its release's), so another application's pods never count as members.
 */
@Configuration
@ConditionalOnProperty(name = "aftercare.cluster.lease", havingValue = "kubernetes")
public class KubernetesLeaseConfiguration {

  @Bean
  KubernetesClusterService kubernetesClusterService(ClusterProperties cluster) {
    KubernetesClusterService service = new KubernetesClusterService();
    service.setLeaseResourceType(LeaseResourceType.Lease);
    service.setKubernetesResourceName(cluster.leaseName());
    service.setClusterLabels(cluster.podLabels() == null ? Map.of() : cluster.podLabels());
    return service;
  }
}
