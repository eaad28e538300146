package org.aftercarebridge.referral;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which referrals a caller may see: every one (admins), those of some regions (coordinators), or
 * those its own messages started (a clinical system). Applied in the database, so a search, and its
 * total, never counts what the caller may not see.
 *
 * @param all no restriction
 * @param regions the referral regions seen (when not everything and no client)
 * @param client the clinical system whose referrals are seen, or null
 */
public record ReferralVisibility(boolean all, Set<String> regions, String client) {

  /** A coordinator's region entry meaning "every region" (leads). */
  public static final String ALL_REGIONS = "*";

  public ReferralVisibility {
    regions = Set.copyOf(regions);
  }

  public static ReferralVisibility everything() {
    return new ReferralVisibility(true, Set.of(), null);
  }

  public static ReferralVisibility ofRegions(Collection<String> regions) {
    return regions.contains(ALL_REGIONS) ? everything() : new ReferralVisibility(false, Set.copyOf(regions), null);
  }

  public static ReferralVisibility sentBy(String client) {
    return new ReferralVisibility(false, Set.of(), client);
  }

  public static ReferralVisibility nothing() {
    return new ReferralVisibility(false, Set.of(), null);
  }

  /**
   * Whether any row of {@code from} (which joins the referral table as {@code r}) meets {@code where}
   * within what this visibility sees.
   */
  boolean seesAny(org.springframework.jdbc.core.simple.JdbcClient jdbc, String from, SqlWhere where) {
    restrict(where);
    return jdbc.sql("select count(*) from " + from + where.sql()).params(where.params()).query(Integer.class).single() > 0;
  }

  /** Restricts a search over the referral table, aliased {@code r}. */
  void restrict(SqlWhere where) {
    if (all) {
      return;
    }
    if (client != null) {
      String escaped = client.replace("!", "!!").replace("%", "!%").replace("_", "!_");
      where.andAll("(r.source_sender = ? or r.source_sender like ? escape '!')", List.of(client, escaped + "|%"));
    } else if (regions.isEmpty()) {
      where.andAll("1 = 0", List.of());
    } else {
      where.andIn("r.region", regions);
    }
  }
}
