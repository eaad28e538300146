package org.aftercarebridge.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.aftercarebridge.integration.support.FhirOutcomes;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the FHIR API reads at all, decided before anything parses it: a body larger than
 * {@code aftercare.fhir.max-request-size} is 413 (declared or found while reading a chunked body,
 * which is read at most that far), and a body in something other than FHIR JSON or XML (or JSON
 * Patch, or a form for {@code _search}) is 415. Each answered with an OperationOutcome.
 */
public class FhirRequestLimits extends OncePerRequestFilter {

  private static final Set<String> FHIR_TYPES = Set.of(
      "application/fhir+json", "application/json", "application/json+fhir",
      "application/fhir+xml", "application/xml", "application/xml+fhir", "text/xml",
      "application/json-patch+json");
  private static final String FORM = "application/x-www-form-urlencoded";

  private final FhirContext fhirContext;
  private final long maxBytes;

  public FhirRequestLimits(FhirContext fhirContext, DataSize maxRequestSize) {
    this.fhirContext = fhirContext;
    this.maxBytes = maxRequestSize.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!carriesABody(request)) {
      chain.doFilter(request, response);
      return;
    }
    String type = mediaType(request.getContentType());
    boolean search = request.getRequestURI().endsWith("/_search");
    if (!(FHIR_TYPES.contains(type) || (search && FORM.equals(type)))) {
      refuse(response, 415, IssueType.NOTSUPPORTED,
          "Content-Type '" + request.getContentType() + "' is not accepted: send application/fhir+json or application/fhir+xml");
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      refuse(response, 413, IssueType.TOOCOSTLY, tooLarge(request.getContentLengthLong()));
      return;
    }
    if (request.getContentLengthLong() >= 0) {
      chain.doFilter(request, response); // the container reads no more than the declared length
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      refuse(response, 413, IssueType.TOOCOSTLY, tooLarge(-1));
      return;
    }
    chain.doFilter(new ReadBody(request, body), response);
  }

  private static boolean carriesABody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  private String tooLarge(long declared) {
    return "The request body is larger than the " + DataSize.ofBytes(maxBytes).toKilobytes() + " KB this server accepts"
        + (declared >= 0 ? " (" + declared / 1024 + " KB declared)" : "");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n != -1 && body.size() < limit; n = in.read(buffer)) {
      body.write(buffer, 0, n);
    }
    return body.toByteArray();
  }

  private void refuse(HttpServletResponse response, int status, IssueType type, String text) throws IOException {
    OperationOutcome outcome = FhirOutcomes.error(type, text);
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    // the rest of an oversized body is not worth reading: tell the client the connection ends here
    response.setHeader("Connection", "close");
    response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
  }

  /** The request with its (already read, bounded) body served from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
          getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(getCharacterEncoding())));
    }
  }
}
