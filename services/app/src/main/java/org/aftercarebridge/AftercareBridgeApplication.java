package org.aftercarebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Aftercare Bridge: discharge events from clinical systems in, matched peer-support referrals out.
 *
 * <p>The built-in token issuer is configured explicitly (embedded mode only), not by Boot's defaults.
 */
@SpringBootApplication(
    exclude = {
      OAuth2AuthorizationServerAutoConfiguration.class,
      OAuth2AuthorizationServerJwtAutoConfiguration.class
    })
@ConfigurationPropertiesScan
@EnableScheduling // dead-letter retention
public class AftercareBridgeApplication {

  public static void main(String[] args) {
    SpringApplication.run(AftercareBridgeApplication.class, args);
  }
}
