package org.aftercarebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.aftercarebridge.support.Broker;
import org.aftercarebridge.support.Hl7v2Messages;
import org.aftercarebridge.support.MllpClient;
import org.aftercarebridge.support.ServiceUnderTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * HTTP, MLLP and the broker over TLS, set by configuration only ({@code server.ssl.*},
 * {@code aftercare.mllp.tls.*}, the broker acceptor's URL) on instances of their own, with a key made
 * for the test: HTTPS answers, a v2 discharge over TLS is acknowledged, a referral is received over
 * TLS, and plain text on a TLS port gets nothing.
 */
class TlsIT extends ServiceUnderTest {

  private static final String PASSWORD = "test-only-keystore-secret";

  /** A server key for localhost, made with the JDK's keytool. */
  private static Path serverKey() throws Exception {
    Path keyStore = Files.createTempDirectory("aftercare-tls-").resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "server", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
    assertThat(keytool.waitFor()).isZero();
    return keyStore;
  }

  /** The embedded broker with a TLS acceptor (its own data directory), the service and a coordinator connecting over TLS. */
  @Test
  void theBrokerOverTls() throws Exception {
    Path keyStore = serverKey();
    int brokerPort = Broker.freePort();
    String tls = "sslEnabled=true&keyStorePath=" + keyStore + "&keyStorePassword=" + PASSWORD + "&keyStoreType=PKCS12";
    String trust = "sslEnabled=true&trustStorePath=" + keyStore + "&trustStorePassword=" + PASSWORD + "&trustStoreType=PKCS12";
    try (ConfigurableApplicationContext secured = new org.springframework.boot.builder.SpringApplicationBuilder(
            org.aftercarebridge.AftercareBridgeApplication.class).run(
        "--server.port=0",
        "--aftercare.mllp.port=" + Broker.freePort(),
        "--aftercare.data-dir=" + ServiceUnderTest.temporaryDataDirectory(),
        "--aftercare.broker.embedded.acceptor=tcp://localhost:" + brokerPort + "?protocols=CORE,AMQP&" + tls,
        "--spring.artemis.broker-url=tcp://localhost:" + brokerPort + "?" + trust)) {
      org.aftercarebridge.support.ServiceClient service =
          new org.aftercarebridge.support.ServiceClient(((ServletWebServerApplicationContext) secured).getWebServer().getPort());
      HttpResponse<String> referred = service.postMessage(service.clinicToken(), FHIR_JSON,
          org.aftercarebridge.support.Fixtures.asJson(org.aftercarebridge.support.Fixtures.freshDischarge()));
      assertThat(referred.statusCode()).as(referred.body()).isEqualTo(200);
      String taskId = org.aftercarebridge.support.ServiceClient.taskIdIn(referred.body());

      assertThat(Broker.receiveAll("tcp://localhost:" + brokerPort + "?" + trust, Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD,
          "aftercare.referrals", "taskId = '" + taskId + "'", 10_000)).as("received over TLS").hasSize(1);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Broker.receiveAll("tcp://localhost:" + brokerPort + "?callTimeout=3000",
          Broker.COORDINATOR_USER, Broker.COORDINATOR_PASSWORD, "aftercare.referrals", null, 500)).as("plain text on the TLS port");
    }
  }

  @Test
  void httpsAndMllpOverTls() throws Exception {
    Path keyStore = serverKey();
    int mllpPort = Broker.freePort();

    try (ConfigurableApplicationContext secured = anotherInstance(
        "--server.ssl.key-store=file:" + keyStore, "--server.ssl.key-store-password=" + PASSWORD, "--server.ssl.key-store-type=PKCS12",
        "--aftercare.mllp.port=" + mllpPort,
        "--aftercare.mllp.tls.key-store=file:" + keyStore, "--aftercare.mllp.tls.key-store-password=" + PASSWORD)) {
      SSLContext trusting = trusting(keyStore);
      int httpsPort = ((ServletWebServerApplicationContext) secured).getWebServer().getPort();

      HttpResponse<String> health = HttpClient.newBuilder().sslContext(trusting).build().send(
          HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + "/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      String controlId = "TLS-" + UUID.randomUUID().toString().substring(0, 8);
      try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", mllpPort)) {
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(MllpClient.framed(Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", controlId)));
        out.flush();
        assertThat(readFrame(socket.getInputStream())).contains("MSA|AA|" + controlId);
      }

      String plain;
      try {
        plain = MllpClient.send(mllpPort, Hl7v2Messages.withControlId("adt-a03-v2.5.1.hl7", "PLAIN-" + controlId.substring(4)));
      } catch (RuntimeException refused) {
        plain = null;
      }
      assertThat(plain).as("plain text on the TLS port").isNull();
    }
  }

  private static SSLContext trusting(Path keyStore) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static String readFrame(InputStream in) throws Exception {
    StringBuilder frame = new StringBuilder();
    int b = in.read();
    while (b != -1 && b != 0x0b) {
      b = in.read();
    }
    for (b = in.read(); b != -1 && b != 0x1c; b = in.read()) {
      frame.append((char) b);
    }
    return frame.toString();
  }
}
