package org.aftercarebridge.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits on the referral outbox (not a timing assertion: up to 20 s, then the test fails). */
public final class Outbox {

  private Outbox() {}

  /** Waits until nothing is left to publish. */
  public static void awaitAllPublished(JdbcClient jdbc) {
    for (int i = 0; i < 200; i++) {
      if (jdbc.sql("select count(*) from referral_outbox where published_at is null and withdrawn_at is null").query(Integer.class).single() == 0) {
        return;
      }
      pause();
    }
    throw new AssertionError("announcements were left unpublished");
  }

  public static void awaitPublished(JdbcClient jdbc, String taskId) {
    for (int i = 0; i < 200; i++) {
      Integer published =
          jdbc.sql("select count(*) from referral_outbox where task_id = ? and published_at is not null")
              .param(taskId)
              .query(Integer.class)
              .single();
      if (published == 1) {
        return;
      }
      pause();
    }
    throw new AssertionError("announcement of Task/" + taskId + " was never published");
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
