package org.aftercarebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftercarebridge.referral.TaskLifecycle.BusinessStatus;
import org.aftercarebridge.referral.TaskLifecycle.Refusal.Kind;
import org.aftercarebridge.referral.TaskLifecycle.Side;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskLifecycleTest {

  @ParameterizedTest(name = "{2} moves {0} -> {1}")
  @CsvSource({
    "REQUESTED, ACCEPTED, PERFORMER",
    "REQUESTED, REJECTED, PERFORMER",
    "REQUESTED, CANCELLED, PERFORMER",
    "REQUESTED, CANCELLED, REQUESTER",
    "REQUESTED, ENTEREDINERROR, REQUESTER",
    "DRAFT, REQUESTED, REQUESTER",
    "ACCEPTED, INPROGRESS, PERFORMER",
    "ACCEPTED, ONHOLD, PERFORMER",
    "ACCEPTED, COMPLETED, PERFORMER",
    "ACCEPTED, FAILED, PERFORMER",
    "INPROGRESS, COMPLETED, PERFORMER",
    "INPROGRESS, ONHOLD, PERFORMER",
    "ONHOLD, INPROGRESS, PERFORMER",
    "INPROGRESS, CANCELLED, REQUESTER",
    "COMPLETED, ENTEREDINERROR, REQUESTER",
    "ACCEPTED, ACCEPTED, PERFORMER",
  })
  void allowed(TaskStatus from, TaskStatus to, Side side) {
    assertThat(TaskLifecycle.refusal(from, to, side)).isNull();
  }

  @ParameterizedTest(name = "{2} cannot move {0} -> {1}: {3}")
  @CsvSource({
    "REQUESTED, ACCEPTED, REQUESTER, NOT_PERMITTED",
    "REQUESTED, REJECTED, REQUESTER, NOT_PERMITTED",
    "ACCEPTED, COMPLETED, REQUESTER, NOT_PERMITTED",
    "REQUESTED, ENTEREDINERROR, PERFORMER, NOT_PERMITTED",
    "DRAFT, REQUESTED, PERFORMER, NOT_PERMITTED",
    "REQUESTED, COMPLETED, PERFORMER, CONFLICT",
    "REQUESTED, INPROGRESS, PERFORMER, CONFLICT",
    "ACCEPTED, REQUESTED, REQUESTER, CONFLICT",
    "REJECTED, ACCEPTED, PERFORMER, CONFLICT",
    "COMPLETED, INPROGRESS, PERFORMER, CONFLICT",
    "CANCELLED, REQUESTED, REQUESTER, CONFLICT",
    "FAILED, COMPLETED, PERFORMER, CONFLICT",
    "REQUESTED, RECEIVED, PERFORMER, INVALID",
    "ACCEPTED, READY, PERFORMER, INVALID",
  })
  void refused(TaskStatus from, TaskStatus to, Side side, Kind kind) {
    TaskLifecycle.Refusal refusal = TaskLifecycle.refusal(from, to, side);
    assertThat(refusal).isNotNull();
    assertThat(refusal.kind()).isEqualTo(kind);
    assertThat(refusal.message()).isNotBlank();
  }

  @ParameterizedTest(name = "{0} goes with {1}: {2}")
  @CsvSource({
    "5.1.4, INPROGRESS, true",
    "5.1.4, COMPLETED, true",
    "5.1.4, REQUESTED, false",
    "5.1.2, ACCEPTED, true",
    "5.1.2, REJECTED, false",
    "7.0, COMPLETED, true",
    "7.0, INPROGRESS, false",
    "4.0, REJECTED, true",
    "2.0, ACCEPTED, false",
  })
  void businessStatusAgreesWithTheStatus(String code, TaskStatus status, boolean goesWith) {
    assertThat(BusinessStatus.fromCode(code).goesWith(status)).isEqualTo(goesWith);
  }

  @ParameterizedTest(name = "a move to {0} says {1}")
  @CsvSource({"ACCEPTED, 3.0", "REJECTED, 4.0", "COMPLETED, 7.0", "CANCELLED, 6.0", "REQUESTED, 2.0"})
  void aMoveSetsTheMatchingBusinessStatus(TaskStatus status, String code) {
    assertThat(BusinessStatus.after(status).code).isEqualTo(code);
    assertThat(BusinessStatus.after(status).goesWith(status)).isTrue();
  }
}
