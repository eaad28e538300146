package org.aftercarebridge.deadletter;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aftercarebridge.audit.AuditTrail;
import org.aftercarebridge.deadletter.DeadLetters.Letter;
import org.aftercarebridge.deadletter.DeadLetters.Opened;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of dead letters (admin role):
 * {@code GET /api/dead-letters[?queue=DLQ.…]} lists them without content,
 * {@code GET /api/dead-letters/{queue}/{id}} opens one,
 * {@code POST /api/dead-letters/{queue}/{id}/reprocess} sends it back where it came from,
 * {@code DELETE /api/dead-letters/{queue}/{id}} discards it. Opening, re-sending and discarding are
 * audited: a dead letter may hold PHI.
 */
@RestController
@RequestMapping(path = "/api/dead-letters", produces = "application/json")
public class DeadLetterController {

  private final DeadLetters deadLetters;
  private final AuditTrail audit;

  public DeadLetterController(DeadLetters deadLetters, AuditTrail audit) {
    this.deadLetters = deadLetters;
    this.audit = audit;
  }

  @GetMapping
  public List<Letter> list(@RequestParam(required = false) String queue) {
    return deadLetters.list(queue);
  }

  @GetMapping("/{queue}/{id}")
  public ResponseEntity<Opened> open(@PathVariable String queue, @PathVariable String id, Authentication caller) {
    return audited(deadLetters.open(queue, id), Opened::letter, AuditTrail.Interaction.READ, caller);
  }

  @PostMapping("/{queue}/{id}/reprocess")
  public ResponseEntity<Letter> reprocess(@PathVariable String queue, @PathVariable String id, Authentication caller) {
    return audited(deadLetters.reprocess(queue, id), letter -> letter, AuditTrail.Interaction.UPDATE, caller);
  }

  @DeleteMapping("/{queue}/{id}")
  public ResponseEntity<Letter> discard(@PathVariable String queue, @PathVariable String id, Authentication caller) {
    return audited(deadLetters.discard(queue, id), letter -> letter, AuditTrail.Interaction.UPDATE, caller);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail unknown(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail brokerAway(IllegalStateException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  /** 200 with what was done, audited; 404 when there is no such letter. */
  private <T> ResponseEntity<T> audited(
      Optional<T> done, Function<T, Letter> letterOf, AuditTrail.Interaction interaction, Authentication caller) {
    done.map(letterOf).ifPresent(letter -> audit.record(new AuditTrail.Entry(interaction, caller.getName(),
        letter.taskId() == null ? List.of() : List.of("Task/" + letter.taskId()),
        letter.taskId() == null ? null : audit.patientOfTask(letter.taskId()), null, "dead-letter:" + letter.id())));
    return done.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
  }
}
