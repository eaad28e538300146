package org.aftercarebridge.cluster;

import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Production on Kubernetes ({@code aftercare.cluster.lease=kubernetes}): which replica runs the
 * singleton routes is decided by a coordination.k8s.io Lease, through Camel's Kubernetes cluster
 * service. The pod needs a service account allowed to get, create and update leases in its namespace.
 */
@Configuration
@ConditionalOnProperty(name = "aftercare.cluster.lease", havingValue = "kubernetes")
public class KubernetesLeaseConfiguration {

  @Bean
  KubernetesClusterService kubernetesClusterService(@Value("${aftercare.cluster.lease-name:aftercare-bridge}") String leaseName) {
    KubernetesClusterService service = new KubernetesClusterService();
    service.setLeaseResourceType(LeaseResourceType.Lease);
    service.setKubernetesResourceName(leaseName);
    return service;
  }
}
