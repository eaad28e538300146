package org.aftercarebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmartScopesTest {

  @Test
  void v2PermissionsGrantExactlyTheirLetters() {
    assertThat(SmartScopes.permit(List.of("system/Task.rs"), "Task", 'r')).isTrue();
    assertThat(SmartScopes.permit(List.of("system/Task.rs"), "Task", 's')).isTrue();
    assertThat(SmartScopes.permit(List.of("system/Task.rs"), "Task", 'u')).isFalse();
    assertThat(SmartScopes.permit(List.of("system/Task.rs"), "ServiceRequest", 'r')).isFalse();
    assertThat(SmartScopes.permit(List.of("user/*.cruds"), "AuditEvent", 'd')).isTrue();
    assertThat(SmartScopes.permit(List.of("system/Task.sr"), "Task", 'r')).as("letters out of order are not v2").isFalse();
  }

  @Test
  void v1ReadWriteAndStarStillWork() {
    assertThat(SmartScopes.permit(List.of("system/Task.read"), "Task", 's')).isTrue();
    assertThat(SmartScopes.permit(List.of("system/Task.read"), "Task", 'u')).isFalse();
    assertThat(SmartScopes.permit(List.of("system/Task.write"), "Task", 'u')).isTrue();
    assertThat(SmartScopes.permit(List.of("system/*.*"), "Consent", 'c')).isTrue();
  }

  @Test
  void anythingElseGrantsNothing() {
    assertThat(SmartScopes.permit(List.of("system/Task.rs?status=requested"), "Task", 'r')).as("fine-grained").isFalse();
    assertThat(SmartScopes.permit(List.of("openid", "launch", "Task.rs", "system/task.rs"), "Task", 'r')).isFalse();
    assertThat(SmartScopes.permit(List.of(), "Task", 'r')).isFalse();
  }
}
