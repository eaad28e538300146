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
 * HTTP and MLLP over TLS, set by configuration only ({@code server.ssl.*}, {@code aftercare.mllp.tls.*})
 * on an instance of their own, with a key made for the test: HTTPS answers, a v2 discharge over TLS
 * is acknowledged, and a plain-text sender on the TLS port gets nothing.
 */
class TlsIT extends ServiceUnderTest {

  private static final String PASSWORD = "test-only-keystore-secret";

  @Test
  void httpsAndMllpOverTls() throws Exception {
    Path keyStore = Files.createTempDirectory("aftercare-tls-").resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "server", "-dname", "CN=localhost",
        "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).inheritIO().start();
    assertThat(keytool.waitFor()).isZero();
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
