package org.aftercarebridge.engagement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/engagement/summary}: the engagement figures of the referrals made in a period (staff, admins). */
@RestController
@RequestMapping(path = "/api/engagement", produces = "application/json")
public class EngagementController {

  static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
  static final Duration LONGEST_PERIOD = Duration.ofDays(3 * 366);

  private final ReferralJourneys journeys;

  public EngagementController(ReferralJourneys journeys) {
    this.journeys = journeys;
  }

  @GetMapping("/summary")
  @Operation(
      summary = "Engagement of the referrals made in a period",
      description = """
          Cohort figures for the referrals made from `from` (inclusive) to `to` (exclusive), as they stand now: \
          referrals made, consented (past the 42 CFR Part 2 check), accepted, first contact within 48 h of discharge, \
          first meeting attended and days to it (median, 90th percentile, distribution), engagement at 7, 30 and 90 \
          days after discharge (attended a meeting by then and not dropped out; counted only for referrals whose day \
          has come) and drop-outs (accepted, then failed or cancelled). Overall, by program, approach, region and \
          referring organisation, and week by week per program. No figure names a person.""",
      responses = {
        @ApiResponse(responseCode = "200", description = "the figures"),
        @ApiResponse(responseCode = "400", description = "a date that cannot be read, from not before to, or a period over three years"),
        @ApiResponse(responseCode = "401", description = "no valid bearer token"),
        @ApiResponse(responseCode = "403", description = "not staff or admin")
      })
  public EngagementSummary summary(
      @Parameter(description = "start: a date (YYYY-MM-DD, UTC midnight) or an instant (ISO 8601); default 90 days before `to`")
          @RequestParam(required = false) String from,
      @Parameter(description = "end, exclusive: a date (the day itself is not included) or an instant; default now")
          @RequestParam(required = false) String to) {
    Instant now = Instant.now(); // the clock the Task changes are recorded by
    Instant end = to == null ? now : instant(to, "to");
    Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant(from, "from");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("from (" + start + ") must be before to (" + end + ")");
    }
    if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
      throw new IllegalArgumentException("the period may be at most three years; ask for several");
    }
    return Engagement.summarise(journeys.madeBetween(start, end), start, end, now);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badPeriod(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static Instant instant(String text, String name) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " '" + abbreviated(text) + "' is neither a date (YYYY-MM-DD) nor an ISO 8601 instant");
    }
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
