package org.aftercarebridge.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a load sender delivers one event and reads the answer; each sender thread has its own. */
interface Channel extends AutoCloseable {

  /** What the service answered: accepted (with the referral Task's id where the answer names one) or an error. */
  record Answer(boolean accepted, String taskId, String errorKind, String errorBody) {
    static Answer accepted(String taskId) {
      return new Answer(true, taskId, null, null);
    }

    static Answer error(String kind, String body) {
      return new Answer(false, null, kind, body);
    }
  }

  Answer send(String body) throws IOException, InterruptedException;

  @Override
  default void close() throws IOException {}

  /** FHIR over HTTP: 200 and, when a token is sent, the answer naming the referral Task. */
  static Channel http(HttpClient client, URI target, String token) {
    Pattern taskId = Pattern.compile("Task/([0-9a-f-]{36})");
    return body -> {
      HttpRequest.Builder request = HttpRequest.newBuilder(target)
          .header("Content-Type", "application/fhir+json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Matcher matcher = taskId.matcher(response.body());
      if (response.statusCode() == 200 && token == null) {
        return Answer.accepted("");
      }
      return response.statusCode() == 200 && matcher.find()
          ? Answer.accepted(matcher.group(1))
          : Answer.error("HTTP " + response.statusCode(), response.body());
    };
  }

  /**
   * HL7 v2 over MLLP on one kept-open connection, as interface engines send: a frame out, wait for the
   * ACK; accepted on MSA|AA. A connection that fails is opened again for the next message.
   */
  static Channel mllp(String host, int port) {
    return new Channel() {
      private Socket socket;

      @Override
      public Answer send(String message) throws IOException {
        try {
          if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
          }
          OutputStream out = socket.getOutputStream();
          out.write(0x0b);
          out.write(message.getBytes(StandardCharsets.UTF_8));
          out.write(new byte[] {0x1c, 0x0d});
          out.flush();
          String ack = readFrame(socket.getInputStream());
          return ack.contains("MSA|AA|") ? Answer.accepted("") : Answer.error("ACK " + ack.split("\r")[1].split("\\|")[1], ack);
        } catch (IOException e) {
          close();
          throw e;
        }
      }

      @Override
      public void close() throws IOException {
        if (socket != null) {
          socket.close();
          socket = null;
        }
      }
    };
  }

  private static String readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b != -1; b = in.read()) {
      if (previous == 0x1c && b == 0x0d) {
        byte[] bytes = frame.toByteArray();
        return new String(bytes, 1, bytes.length - 2, StandardCharsets.UTF_8); // without VT and FS
      }
      frame.write(b);
      previous = b;
    }
    throw new IOException("connection closed before the ACK was complete");
  }
}
