package org.aftercarebridge.integration.referral;

import static org.aftercarebridge.integration.support.Endpoints.PUBLISH_REFERRAL;
import static org.aftercarebridge.integration.support.Endpoints.REFERRAL_OUTBOX_SWEEP_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.REFERRAL_PUBLISH_ROUTE;

import java.time.Duration;
import java.util.List;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.correlation.CorrelationId;
import org.aftercarebridge.referral.Announcement;
import org.aftercarebridge.referral.ReferralOutbox;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announcements out: from the outbox to the {@code aftercare.referrals} queue (follow-ups to
 * {@code aftercare.followups}), persistent,
 * grouped per person, with the announcement id as Artemis duplicate-detection id. An announcement is
 * marked published only after the broker confirmed the send; if we crash in between, the sweep sends
 * it again and the broker drops the copy.
 */
@Component
public class ReferralPublishRoute extends RouteBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(ReferralPublishRoute.class);

  static final String ANNOUNCEMENT_ID = "announcementId";
  static final String DESTINATION = "destination";
  private static final int SWEEP_BATCH = 200;

  private final ReferralOutbox outbox;
  private final ReferralQueueSettings queue;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;

  public ReferralPublishRoute(ReferralOutbox outbox, ReferralQueueSettings queue, AuditTrail audit, TransactionTemplate transaction) {
    this.outbox = outbox;
    this.queue = queue;
    this.audit = audit;
    this.transaction = transaction;
  }

  @Override
  public void configure() {
    errorHandler(
        defaultErrorHandler()
            .maximumRedeliveries(2)
            .redeliveryDelay(500)
            .retryAttemptedLogLevel(LoggingLevel.WARN)
            .logExhaustedMessageBody(false)
            .logExhaustedMessageHistory(false));

    from(PUBLISH_REFERRAL)
        .routeId(REFERRAL_PUBLISH_ROUTE)
        // the send could not be made: let the sweep have it at once rather than when the claim runs out
        .onException(Exception.class)
            .maximumRedeliveries(2)
            .redeliveryDelay(500)
            .retryAttemptedLogLevel(LoggingLevel.WARN)
            .logExhaustedMessageBody(false)
            .logExhaustedMessageHistory(false)
            .bean(outbox, "release(${exchangeProperty." + ANNOUNCEMENT_ID + "})")
        .end()
        .removeHeaders("*")
        .setProperty(ANNOUNCEMENT_ID, simple("${body.id}"))
        .filter(method(outbox, "claim(${body.id})"))
        .setHeader("taskId", simple("${body.taskId}"))
        .setHeader("region", simple("${body.region}"))
        .setHeader("priority", simple("${body.priority}"))
        .setHeader("program", simple("${body.program}"))
        .setHeader("JMSPriority", method(this, "jmsPriority"))
        .setHeader("JMSXGroupID", simple("${body.groupKey}"))
        .setHeader("_AMQ_DUPL_ID", simple("${body.id}"))
        .setHeader(CorrelationId.KEY, simple("${body.correlationId}"))
        .setProperty(DESTINATION, method(this, "destination"))
        .setHeader("CamelJmsDestinationName", exchangeProperty(DESTINATION))
        .setBody(simple("${body.payload}"))
        // fire and forget whatever the caller's exchange pattern: never wait for a reply from coordinators
        .to(ExchangePattern.InOnly, "jms:queue:" + queue.referrals() + "?deliveryPersistent=true&explicitQosEnabled=true")
        .bean(this, "published")
        .end();

    from("timer:referral-outbox-sweep?delay=" + queue.sweepInterval().toMillis() + "&period=" + queue.sweepInterval().toMillis())
        .routeId(REFERRAL_OUTBOX_SWEEP_ROUTE)
        .setBody(method(this, "unpublished"))
        .split(body())
            .to(PUBLISH_REFERRAL)
        .end();
  }

  /** Announcements the immediate publish did not get out (broker down, crash), oldest first. */
  public List<Announcement> unpublished() {
    return outbox.unpublished(queue.sweepGrace(), SWEEP_BATCH);
  }

  /**
   * The broker has it: marked published, with the BALP PrivacyDisclosure (what went out, to which queue —
   * the recipients —, about whom) in the same transaction.
   */
  public void published(@ExchangeProperty(ANNOUNCEMENT_ID) String announcementId,
      @ExchangeProperty(DESTINATION) String queueName, @Header("taskId") String taskId, @Header(CorrelationId.KEY) String correlationId) {
    transaction.executeWithoutResult(status -> {
      outbox.markPublished(announcementId);
      audit.record(new AuditTrail.Entry(AuditTrail.Interaction.DISCLOSE, "queue:" + queueName, java.util.List.of("Task/" + taskId),
          audit.patientOfTask(taskId), null, correlationId));
    });
    CorrelationId.within(correlationId, () -> LOG.info("Task/{} announced on {}", taskId, queueName));
  }

  /** The queue the announcement names (follow-ups), else the referrals queue. */
  public String destination(Announcement announcement) {
    return announcement.destination() == null ? queue.referrals() : announcement.destination();
  }

  /** JMS priority 0–9: urgent referrals (and escalated follow-ups) jump the queue of routine ones. */
  public int jmsPriority(Announcement announcement) {
    return switch (announcement.priority()) {
      case "stat" -> 9;
      case "asap" -> 8;
      case "urgent" -> 7;
      default -> 4;
    };
  }

  /**
   * @param referrals the queue name
   * @param sweepInterval how often the outbox is swept
   * @param sweepGrace how old an unpublished announcement must be before the sweep takes it over
   */
  public record ReferralQueueSettings(String referrals, Duration sweepInterval, Duration sweepGrace) {}
}
