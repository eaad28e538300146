package org.aftercarebridge.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bounded request rate per caller (Bucket4j token buckets, per instance): a caller over its
 * budget gets 429 with {@code Retry-After} and the body {@code refusal} writes, instead of the
 * service's time. The token endpoint is limited per remote address (set
 * {@code server.forward-headers-strategy} behind a proxy), intake per authenticated client.
 */
public class RateLimits extends OncePerRequestFilter {

  /** Writes the 429's body. */
  public interface Refusal {
    void write(HttpServletResponse response, long retryAfterSeconds) throws IOException;
  }

  private final int perMinute;
  /** Who is counted: a remote address, a client id; null leaves the request unlimited here. */
  private final Function<HttpServletRequest, String> caller;
  private final Refusal refusal;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  public RateLimits(int perMinute, Function<HttpServletRequest, String> caller, Refusal refusal) {
    this.perMinute = perMinute;
    this.caller = caller;
    this.refusal = refusal;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = "POST".equals(request.getMethod()) ? caller.apply(request) : null;
    if (key == null) {
      chain.doFilter(request, response);
      return;
    }
    ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
        .build()).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      chain.doFilter(request, response);
      return;
    }
    long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(retryAfter));
    refusal.write(response, retryAfter);
  }
}
