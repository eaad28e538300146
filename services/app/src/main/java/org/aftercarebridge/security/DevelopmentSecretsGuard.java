package org.aftercarebridge.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production ({@code prod} profile) the service refuses to start with development secrets, the
 * built-in token issuer, the embedded broker, H2 or profile validation off: each would make a real
 * deployment unsafe.
 */
@Component
@Profile("prod")
public class DevelopmentSecretsGuard implements InitializingBean {

  static final List<String> SECRET_PROPERTIES =
      List.of("spring.datasource.password", "spring.artemis.password", "aftercare.referral.pseudonym-key");

  private final Environment environment;
  private final SecurityProperties security;

  public DevelopmentSecretsGuard(Environment environment, SecurityProperties security) {
    this.environment = environment;
    this.security = security;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = new ArrayList<>();
    for (String property : SECRET_PROPERTIES) {
      String value = environment.getProperty(property);
      if (value == null || value.isBlank() || value.startsWith(security.developmentSecretPrefix())) {
        problems.add(property + " is missing or a development secret");
      }
    }
    if (security.issuer().embedded()) {
      problems.add("aftercare.security.issuer.embedded must be false: production trusts an external issuer");
    }
    if (environment.getProperty("aftercare.broker.embedded.enabled", Boolean.class, true)) {
      problems.add("aftercare.broker.embedded.enabled must be false: production uses an external Artemis");
    }
    if (!environment.getProperty("aftercare.intake.profile-validation", Boolean.class, true)) {
      problems.add("aftercare.intake.profile-validation must be true: unvalidated input is for benchmarks only");
    }
    if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
      problems.add("spring.datasource.url points at the embedded H2 database: production uses PostgreSQL");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
    }
  }
}
