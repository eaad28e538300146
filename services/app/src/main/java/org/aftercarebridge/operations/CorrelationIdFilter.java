package org.aftercarebridge.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.aftercarebridge.correlation.CorrelationId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP request works under a correlation id: the caller's {@code X-Request-Id} when it is a plain
 * token, else a new one; answered in {@code X-Request-Id}, logged with every line, audited, and sent
 * with the queue messages the request causes. Runs before security, so refusals carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = CorrelationId.begin(request.getHeader(HEADER));
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(new WithRequestId(request, id), response);
    } finally {
      CorrelationId.end();
    }
  }

  /** The request as the rest of the service sees it: its X-Request-Id is the one in force (HAPI echoes it, audits name it). */
  private static final class WithRequestId extends HttpServletRequestWrapper {

    private final String id;

    WithRequestId(HttpServletRequest request, String id) {
      super(request);
      this.id = id;
    }

    @Override
    public String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(id)) : super.getHeaders(name);
    }
  }
}
