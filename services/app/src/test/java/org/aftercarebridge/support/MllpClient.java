package org.aftercarebridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A sending system's MLLP side: frames one message (VT … FS CR), waits for the acknowledgement. */
public final class MllpClient {

  private static final int START = 0x0b;
  private static final int END = 0x1c;
  private static final int CR = 0x0d;

  private MllpClient() {}

  public static String send(int port, String message) {
    return sendRaw(port, framed(message));
  }

  public static byte[] framed(String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[body.length + 3];
    frame[0] = START;
    System.arraycopy(body, 0, frame, 1, body.length);
    frame[body.length + 1] = END;
    frame[body.length + 2] = CR;
    return frame;
  }

  /** Sends bytes as they are; answers the framed reply's content, or null when the connection closed without one. */
  public static String sendRaw(int port, byte[] bytes) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      int first = in.read();
      while (first != -1 && first != START) {
        first = in.read();
      }
      if (first == -1) {
        return null;
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      for (int b = in.read(); b != -1 && b != END; b = in.read()) {
        reply.write(b);
      }
      return reply.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
