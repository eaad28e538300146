package org.aftercarebridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aftercarebridge.integration.support.IntegrationConfiguration.ClusterProperties;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The chart's settings (ConfigMap application.yaml) reach Camel's Kubernetes Lease service. */
class KubernetesLeaseConfigurationTest {

  @Configuration
  @EnableConfigurationProperties(ClusterProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Properties.class, KubernetesLeaseConfiguration.class);

  @Test
  void theLeaseIsNamedAndItsCandidatesArePodsOfTheRelease() {
    context.withPropertyValues(
            "aftercare.cluster.lease=kubernetes",
            "aftercare.cluster.lease-name=aftercare-aftercare-bridge",
            "aftercare.cluster.pod-labels[app.kubernetes.io/instance]=aftercare")
        .run(started -> {
          KubernetesClusterService lease = started.getBean(KubernetesClusterService.class);
          assertThat(lease.getKubernetesResourceName()).isEqualTo("aftercare-aftercare-bridge");
          assertThat(lease.getClusterLabels()).isEqualTo(Map.of("app.kubernetes.io/instance", "aftercare"));
        });
  }

  @Test
  void outsideKubernetesThereIsNone() {
    context.withPropertyValues("aftercare.cluster.lease=database")
        .run(started -> assertThat(started).doesNotHaveBean(KubernetesClusterService.class));
  }
}
