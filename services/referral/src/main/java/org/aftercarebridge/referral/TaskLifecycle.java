package org.aftercarebridge.referral;

import static org.hl7.fhir.r4.model.Task.TaskStatus.ACCEPTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.CANCELLED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.COMPLETED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.DRAFT;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ENTEREDINERROR;
import static org.hl7.fhir.r4.model.Task.TaskStatus.FAILED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.INPROGRESS;
import static org.hl7.fhir.r4.model.Task.TaskStatus.ONHOLD;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REJECTED;
import static org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * Who may move a referral Task where, after the Gravity SDOH referral-management rules: the requester
 * (the referring clinic) sets draft, requested and entered-in-error; the performer (the peer
 * coordinators working it) sets accepted, rejected, in-progress, on-hold, failed and completed; either
 * may cancel. Gravity leaves out {@code received} and {@code ready}. The BSeR business status records
 * what happened within a status (scheduled, attended, not attended) and must agree with it.
 */
public final class TaskLifecycle {

  public static final String BSER_BUSINESS_STATUS = "http://hl7.org/fhir/us/bser/CodeSystem/TaskBusinessStatusCS";
  public static final String TASK_FLAGS = "https://aftercarebridge.org/fhir/CodeSystem/task-flags";

  /** The side of the referral a user is on. */
  public enum Side {
    REQUESTER,
    PERFORMER
  }

  private static final Set<TaskStatus> REQUESTER_MOVES = EnumSet.of(DRAFT, REQUESTED, ENTEREDINERROR);
  private static final Set<TaskStatus> PERFORMER_MOVES = EnumSet.of(ACCEPTED, REJECTED, INPROGRESS, ONHOLD, FAILED, COMPLETED);
  private static final Set<TaskStatus> FINAL = EnumSet.of(REJECTED, CANCELLED, FAILED, COMPLETED, ENTEREDINERROR);

  private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(
      DRAFT, EnumSet.of(REQUESTED, CANCELLED, ENTEREDINERROR),
      REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, ENTEREDINERROR),
      ACCEPTED, EnumSet.of(INPROGRESS, ONHOLD, COMPLETED, FAILED, CANCELLED, ENTEREDINERROR),
      INPROGRESS, EnumSet.of(ONHOLD, COMPLETED, FAILED, CANCELLED, ENTEREDINERROR),
      ONHOLD, EnumSet.of(INPROGRESS, FAILED, CANCELLED, ENTEREDINERROR));

  /**
   * BSeR business statuses (TaskBusinessStatusCS) and the Task statuses they can go with; the first
   * status listed is the one a move to it sets when the update does not say.
   */
  public enum BusinessStatus {
    CREATED("2.0", "Service Request Created", EnumSet.of(DRAFT, REQUESTED)),
    ACCEPTED("3.0", "Accepted", EnumSet.of(TaskStatus.ACCEPTED, INPROGRESS, ONHOLD)),
    DECLINED("4.0", "Declined", EnumSet.of(REJECTED)),
    EVENT_SCHEDULED("5.1.1", "Event Scheduled", EnumSet.of(TaskStatus.ACCEPTED, INPROGRESS, ONHOLD)),
    UNATTENDED("5.1.2", "Unattended", EnumSet.of(TaskStatus.ACCEPTED, INPROGRESS, ONHOLD, FAILED)),
    EVENT_CANCELLED("5.1.3", "Event Cancelled", EnumSet.of(TaskStatus.ACCEPTED, INPROGRESS, ONHOLD)),
    EVENT_COMPLETED("5.1.4", "Event Completed", EnumSet.of(INPROGRESS, ONHOLD, COMPLETED)),
    CANCELLATION_REQUESTED("5.2", "Cancellation Requested", EnumSet.of(REQUESTED, TaskStatus.ACCEPTED, INPROGRESS, ONHOLD)),
    FULFILLMENT_CANCELLED("6.0", "Fulfillment Cancelled", EnumSet.of(CANCELLED, FAILED, ENTEREDINERROR)),
    FULFILLMENT_COMPLETED("7.0", "Fulfillment Completed", EnumSet.of(COMPLETED));

    public final String code;
    public final String display;
    private final Set<TaskStatus> statuses;

    BusinessStatus(String code, String display, Set<TaskStatus> statuses) {
      this.code = code;
      this.display = display;
      this.statuses = statuses;
    }

    public static BusinessStatus fromCode(String code) {
      for (BusinessStatus status : values()) {
        if (status.code.equals(code)) {
          return status;
        }
      }
      return null;
    }

    public boolean goesWith(TaskStatus status) {
      return statuses.contains(status);
    }

    /** What a Task moved to {@code status} says when the update names no business status (null: keep). */
    public static BusinessStatus after(TaskStatus status) {
      return switch (status) {
        case DRAFT, REQUESTED -> CREATED;
        case ACCEPTED -> ACCEPTED;
        case REJECTED -> DECLINED;
        case CANCELLED, FAILED, ENTEREDINERROR -> FULFILLMENT_CANCELLED;
        case COMPLETED -> FULFILLMENT_COMPLETED;
        default -> null;
      };
    }
  }

  private TaskLifecycle() {}

  /** Why {@code side} may not move a Task from {@code from} to {@code to}; null when it may. */
  public static Refusal refusal(TaskStatus from, TaskStatus to, Side side) {
    if (to == TaskStatus.RECEIVED || to == TaskStatus.READY || to == TaskStatus.NULL || to == null) {
      return new Refusal(Refusal.Kind.INVALID, "status " + code(to) + " is not used for referrals (Gravity SDOH: draft, requested,"
          + " accepted, rejected, in-progress, on-hold, failed, completed, cancelled, entered-in-error)");
    }
    if (from == to) {
      return null;
    }
    if (FINAL.contains(from) && to != ENTEREDINERROR) {
      return new Refusal(Refusal.Kind.CONFLICT, "the Task is " + code(from) + ", which is final; it cannot become " + code(to));
    }
    if (to != ENTEREDINERROR && !NEXT.getOrDefault(from, Set.of()).contains(to)) {
      return new Refusal(Refusal.Kind.CONFLICT, "a Task cannot move from " + code(from) + " to " + code(to));
    }
    boolean mayMove = to == CANCELLED
        || (side == Side.REQUESTER && REQUESTER_MOVES.contains(to))
        || (side == Side.PERFORMER && PERFORMER_MOVES.contains(to));
    if (!mayMove) {
      return new Refusal(Refusal.Kind.NOT_PERMITTED, side == Side.REQUESTER
          ? "only the performer (a peer coordinator) sets a Task to " + code(to)
          : "only the requester (the referring clinical system) sets a Task to " + code(to));
    }
    return null;
  }

  /** Left undone too long: flagged overdue (task-flags) and its priority raised a step (routine → urgent → asap → stat). */
  public static void escalate(org.hl7.fhir.r4.model.Task task) {
    org.hl7.fhir.r4.model.Task.TaskPriority priority = task.getPriority();
    task.setPriority(switch (priority == null ? org.hl7.fhir.r4.model.Task.TaskPriority.ROUTINE : priority) {
      case ROUTINE, NULL -> org.hl7.fhir.r4.model.Task.TaskPriority.URGENT;
      case URGENT -> org.hl7.fhir.r4.model.Task.TaskPriority.ASAP;
      case ASAP, STAT -> org.hl7.fhir.r4.model.Task.TaskPriority.STAT;
    });
    if (task.getMeta().getTag(TASK_FLAGS, "overdue") == null) {
      task.getMeta().addTag(new org.hl7.fhir.r4.model.Coding(TASK_FLAGS, "overdue", "Overdue"));
    }
  }

  public static boolean isFinal(TaskStatus status) {
    return FINAL.contains(status);
  }

  private static String code(TaskStatus status) {
    return status == null || status == TaskStatus.NULL ? "(none)" : status.toCode();
  }

  /** A refused move: {@code CONFLICT} with the Task's current state, not the user's to make, or not valid at all. */
  public record Refusal(Kind kind, String message) {
    public enum Kind {
      CONFLICT,
      NOT_PERMITTED,
      INVALID
    }
  }
}
