package org.aftercarebridge.cluster;

import java.util.Map;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Production on Kubernetes ({@code aftercare.cluster.lease=kubernetes}): which replica runs the
 * singleton routes is decided by a coordination.k8s.io Lease, through Camel's Kubernetes cluster
 * service. The pod needs a service account allowed to get, create and update leases in its namespace
 * and to list its pods: the candidates are the pods with the labels {@code aftercare.cluster.pod-labels}
 * (the Helm chart sets its release's), so another application's pods never count as members.
 */
@Configuration
@ConditionalOnProperty(name = "aftercare.cluster.lease", havingValue = "kubernetes")
public class KubernetesLeaseConfiguration {

  @Bean
  KubernetesClusterService kubernetesClusterService(
      @Value("${aftercare.cluster.lease-name:aftercare-bridge}") String leaseName, Environment environment) {
    KubernetesClusterService service = new KubernetesClusterService();
    service.setLeaseResourceType(LeaseResourceType.Lease);
    service.setKubernetesResourceName(leaseName);
    service.setClusterLabels(podLabels(environment));
    return service;
  }

  static Map<String, String> podLabels(Environment environment) {
    return Binder.get(environment).bind("aftercare.cluster.pod-labels", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
  }
}
