package org.aftercarebridge.integration.intake;

import static org.aftercarebridge.integration.support.Endpoints.INTAKE_FHIR_MESSAGE_ROUTE;
import static org.aftercarebridge.integration.support.Endpoints.PROCESS_MESSAGE;
import static org.aftercarebridge.integration.support.Endpoints.REFER_DISCHARGE;

import org.aftercarebridge.integration.support.FhirOutcomes;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.apache.camel.builder.RouteBuilder;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * Discharge notifications in: a FHIR message Bundle is validated, as sent, against our discharge profile and
 * read; a discharge goes on to become a referral, any other event is acknowledged and goes no further.
 *
 * <p>Intake is request-reply: an error propagates to the caller, which answers with an OperationOutcome.
 */
@Component
public class DischargeIntakeRoute extends RouteBuilder {

  private final ProfileValidation validation;
  private final NotificationBundleToDischargeMapper notifications;

  public DischargeIntakeRoute(ProfileValidation validation, NotificationBundleToDischargeMapper notifications) {
    this.validation = validation;
    this.notifications = notifications;
  }

  @Override
  public void configure() {
    from(PROCESS_MESSAGE)
        .routeId(INTAKE_FHIR_MESSAGE_ROUTE)
        .errorHandler(noErrorHandler())
        .bean(validation, "requireValid(${body.text}, '" + AftercareProfiles.DISCHARGE_NOTIFICATION + "')")
        .bean(notifications, "read(${body.bundle}, ${body.client})")
        .choice()
            .when(simple("${body.discharge}"))
                .to(REFER_DISCHARGE)
            .otherwise()
                .setProperty(IntakeMeters.OUTCOME, constant(IntakeMeters.Outcome.IGNORED))
                .bean(this, "acknowledgeWithoutReferral")
        .end();
  }

  /** Admit, transfer and other events are received and acknowledged; aftercare starts at discharge. */
  public OperationOutcome acknowledgeWithoutReferral(DischargeNotification notification) {
    return FhirOutcomes.information(
        "Message received: event '" + notification.event().getCode() + "' does not start aftercare; no referral created");
  }
}
