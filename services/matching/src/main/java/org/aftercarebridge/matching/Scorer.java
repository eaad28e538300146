package org.aftercarebridge.matching;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The soft criteria for one person: each adds points up to its weight. One code path scores and
 * explains: with {@code out == null} it only counts (the hot path over every candidate), with a list
 * it also says why (for the few groups that are offered).
 */
final class Scorer {

  static final int BY_APPOINTMENT = Integer.MAX_VALUE;
  private static final int MINUTES_PER_WEEK = Schedule.WeeklyTime.MINUTES_PER_WEEK;
  /** The schedule share of a peer supporter who arranges the first meeting: soon, but not as sure as a meeting tonight. */
  static final double BY_APPOINTMENT_SOONNESS = 0.75;
  private static final double ONLINE_DISTANCE_SHARE = 0.5;

  private final Person person;
  private final MatchingPolicy policy;
  private final MatchingPolicy.Weights weights;
  private final double maxKm;
  private final Cost costLimit;
  private final String language;
  private final Set<Trait> gentle;
  private final double maxPoints;
  /** The person's start, as minute of the week, per group time zone: a handful of zones per search. */
  private final Map<ZoneId, Integer> startMinuteByZone = new HashMap<>();

  Scorer(Person person, MatchingPolicy policy, double maxKm) {
    this.person = person;
    this.policy = policy;
    this.weights = policy.weights();
    this.maxKm = maxKm;
    this.costLimit = person.costLimit() == null ? policy.defaultCostLimit() : person.costLimit();
    this.language = person.languages().isEmpty() ? null : person.languages().get(0);
    Set<Trait> asked = EnumSet.noneOf(Trait.class);
    asked.addAll(person.gentleStarts());
    if (asked.isEmpty()) {
      for (Trait trait : Trait.values()) {
        if (trait.isGentleStart()) {
          asked.add(trait);
        }
      }
    }
    this.gentle = asked;
    this.maxPoints =
        weights.programFit()
            + (person.approaches().isEmpty() ? 0 : weights.philosophy())
            + (person.identityGroups().isEmpty() ? 0 : weights.identity())
            + weights.language()
            + weights.newcomer()
            + (person.socialAnxiety() ? weights.socialAnxiety() : 0)
            + weights.schedule()
            + weights.distance()
            + weights.cost();
  }

  /** Everything the criteria other than the schedule read of a group: groups with equal keys differ only in when they meet. */
  record Key(Set<Approach> approaches, Set<Substance> focus, Set<Trait> traits, Set<String> languages, Cost cost, MeetingFormat format) {}

  static Key key(PeerGroup group) {
    return new Key(group.approaches(), group.focus(), group.traits(), group.languages(), group.cost(), group.format());
  }

  /** The group's score, 0..1; with {@code out} also every criterion met and missed (in this order). */
  double score(PeerGroup group, MeetingFormat attendance, double km, List<Criterion> out) {
    double before = programFit(group, out)
        + philosophy(group, out)
        + identity(group, out)
        + language(group, out)
        + newcomer(group, out)
        + socialAnxiety(group, attendance, out);
    double schedule = schedule(group, out);
    return rounded(before + distance(group, attendance, km, out) + cost(group, out) + schedule);
  }

  /** The points of every criterion but the schedule: the same for every group of one {@link Key} and way of attending. */
  double besidesSchedule(PeerGroup group, MeetingFormat attendance, double km) {
    return programFit(group, null)
        + philosophy(group, null)
        + identity(group, null)
        + language(group, null)
        + newcomer(group, null)
        + socialAnxiety(group, attendance, null)
        + distance(group, attendance, km, null)
        + cost(group, null);
  }

  /**
   * The score of a group from its {@link #besidesSchedule} points and the share of the schedule
   * weight it earns ({@link #soonness} of its next meeting, {@link #BY_APPOINTMENT_SOONNESS}, or 0
   * when it never meets when the person can go): exactly what {@link #score} answers.
   */
  double score(double besidesSchedule, double scheduleShare) {
    return rounded(besidesSchedule + weights.schedule() * scheduleShare);
  }

  /**
   * The most a group joined online can score when its schedule earns {@code scheduleShare} and it
   * meets every other criterion: the bound that lets a search stop before groups that cannot beat
   * the ones it holds.
   */
  double bestOnline(double scheduleShare) {
    double everythingElse = maxPoints - weights.schedule() - weights.distance() * (1 - ONLINE_DISTANCE_SHARE);
    return score(everythingElse + 1e-9, scheduleShare);
  }

  /** The schedule share of a meeting {@code minutesAhead} after the person's start: 1 now, 0 a week later. */
  static double soonness(int minutesAhead) {
    return 1 - (double) minutesAhead / MINUTES_PER_WEEK;
  }

  private double rounded(double points) {
    return Math.round(points / maxPoints * 1000) / 1000.0;
  }

  private double programFit(PeerGroup group, List<Criterion> out) {
    if (group.focus().isEmpty()) {
      if (out != null) add(out, true, "program", () -> programName(group) + " welcomes people recovering from any substance");
      return weights.programFit();
    }
    if (person.substances().isEmpty()) {
      if (out != null) add(out, false, "program", () -> "no substance diagnosis was sent; " + programName(group) + " is about " + Admission.labels(group));
      return weights.programFit() / 2;
    }
    if (Collections.disjoint(person.substances(), group.focus())) {
      if (out != null) add(out, false, "program", () -> programName(group) + " is about " + Admission.labels(group) + ", not the person's diagnosis");
      return 0;
    }
    if (out != null) add(out, true, "program", () -> programName(group) + " is about " + person.substances().stream()
        .filter(group.focus()::contains).map(Substance::label).sorted().collect(Collectors.joining(", ")) + ", as the person's diagnosis");
    return weights.programFit();
  }

  private double philosophy(PeerGroup group, List<Criterion> out) {
    if (person.approaches().isEmpty()) {
      return 0;
    }
    boolean met = !Collections.disjoint(person.approaches(), group.approaches());
    if (out != null) add(out, met, "philosophy", () -> (group.approaches().isEmpty() ? "no particular philosophy" : labels(group.approaches()))
        + (met ? ", as the person prefers" : "; the person prefers " + labels(person.approaches())));
    return met ? weights.philosophy() : 0;
  }

  private double identity(PeerGroup group, List<Criterion> out) {
    if (person.identityGroups().isEmpty()) {
      return 0;
    }
    boolean met = !Collections.disjoint(person.identityGroups(), group.traits());
    if (out != null) add(out, met, "identity", () -> met
        ? "a group for " + codes(group.traits().stream().filter(person.identityGroups()::contains).toList()) + ", as the person asked"
        : "not a group for " + codes(person.identityGroups()) + ", which the person asked for");
    return met ? weights.identity() : 0;
  }

  private double language(PeerGroup group, List<Criterion> out) {
    String wanted = language == null ? "en" : language;
    boolean met = group.languages().contains(wanted);
    if (out != null) add(out, met, "language", () -> (met ? "meets in " : "does not meet in ") + wanted
        + (language == null ? " (assumed: no preferred language was sent)" : ""));
    return met ? weights.language() : 0;
  }

  private double newcomer(PeerGroup group, List<Criterion> out) {
    boolean met = group.traits().contains(Trait.NEWCOMER) || group.traits().contains(Trait.ONE_ON_ONE);
    if (out != null) add(out, met, "newcomer", () -> met ? "welcomes newcomers" : "not marked as a newcomer meeting");
    return met ? weights.newcomer() : 0;
  }

  private double socialAnxiety(PeerGroup group, MeetingFormat attendance, List<Criterion> out) {
    if (!person.socialAnxiety()) {
      return 0;
    }
    boolean met = !Collections.disjoint(gentle, group.traits());
    if (out != null) add(out, met, "social-anxiety", () -> met
        ? "a gentle start for social anxiety: " + codes(group.traits().stream().filter(gentle::contains).toList())
        : "none of the gentler settings (" + codes(gentle) + ")" + (attendance == MeetingFormat.ONLINE ? "; online, though" : ""));
    return met ? weights.socialAnxiety() : (attendance == MeetingFormat.ONLINE ? weights.socialAnxiety() / 4 : 0);
  }

  private double schedule(PeerGroup group, List<Criterion> out) {
    if (group.schedule().byAppointment()) {
      if (out != null) add(out, true, "schedule", () -> "by appointment: the first meeting is arranged to suit the person");
      return weights.schedule() * BY_APPOINTMENT_SOONNESS;
    }
    int next = minutesUntilNext(group);
    if (next == BY_APPOINTMENT) {
      if (out != null) add(out, false, "schedule", () -> "meets " + group.schedule().times() + ", outside the times the person can go");
      return 0;
    }
    if (out != null) add(out, true, "schedule", () -> "next meeting " + nextStart(group).toLocalDateTime().toString().replace('T', ' ')
        + " " + zone(group).getId() + ", " + humanDuration(next) + " after the person can start"
        + (person.availability().isEmpty() ? "" : ", within the times they can go"));
    return weights.schedule() * soonness(next);
  }

  private double distance(PeerGroup group, MeetingFormat attendance, double km, List<Criterion> out) {
    if (attendance == MeetingFormat.ONLINE) {
      if (out != null) add(out, true, "distance", () -> "joined online: no travel"
          + (group.format() == MeetingFormat.HYBRID ? " (a hybrid meeting)" : ""));
      return weights.distance() * ONLINE_DISTANCE_SHARE;
    }
    if (out != null) add(out, true, "distance", () -> String.format(Locale.ROOT, "meets %.1f km from the person's starting point", km));
    return weights.distance() * (1 - Math.min(km, maxKm) / maxKm);
  }

  private double cost(PeerGroup group, List<Criterion> out) {
    boolean met = group.cost().within(costLimit);
    if (out != null) add(out, met, "cost", () -> group.cost().label()
        + (met ? ", within what the person can pay" : "; the person can pay at most: " + costLimit.label())
        + (person.costLimit() == null ? " (assumed)" : ""));
    return met ? weights.cost() : 0;
  }

  /**
   * Minutes from the person's start to the group's next meeting within their availability (any
   * meeting when they gave none); {@link #BY_APPOINTMENT} when none fits. Weekly arithmetic in the
   * group's zone (a DST change within the week shifts it by at most an hour).
   */
  int minutesUntilNext(PeerGroup group) {
    if (group.schedule().byAppointment()) {
      return BY_APPOINTMENT;
    }
    int start = startMinute(group.schedule().zone());
    int best = BY_APPOINTMENT;
    for (Schedule.WeeklyTime time : group.schedule().times()) {
      if (!canGo(time)) {
        continue;
      }
      int minutes = Math.floorMod(time.minuteOfWeek() - start, MINUTES_PER_WEEK);
      best = Math.min(best, minutes);
    }
    return best;
  }

  /** The group's next meeting in its own time zone, or null when by appointment or none fits. */
  ZonedDateTime nextStart(PeerGroup group) {
    int minutes = minutesUntilNext(group);
    return minutes == BY_APPOINTMENT
        ? null
        : person.availableFrom().atZone(zone(group)).withSecond(0).withNano(0).plusMinutes(minutes);
  }

  /** The person's start as minute of the week in {@code zone} (null: the policy's default zone). */
  int startMinute(ZoneId zone) {
    return startMinuteByZone.computeIfAbsent(zone == null ? policy.defaultZone() : zone, this::startMinuteOfWeek);
  }

  /** Whether the meeting time lies within the person's availability (always, when they gave none). */
  boolean canGo(Schedule.WeeklyTime time) {
    if (person.availability().isEmpty()) {
      return true;
    }
    for (Person.Availability window : person.availability()) {
      if (window.admits(time)) {
        return true;
      }
    }
    return false;
  }

  private ZoneId zone(PeerGroup group) {
    return group.schedule().zone() == null ? policy.defaultZone() : group.schedule().zone();
  }

  private int startMinuteOfWeek(ZoneId zone) {
    ZonedDateTime local = person.availableFrom().atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 * 60 + local.getHour() * 60 + local.getMinute();
  }

  private static String humanDuration(int minutes) {
    if (minutes < 120) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return (minutes / 60) + " h";
    }
    return (minutes / (24 * 60)) + " days";
  }

  private static String programName(PeerGroup group) {
    return RecoveryProgram.fromCode(group.program()).map(RecoveryProgram::display).orElse(group.program());
  }

  private static String labels(Set<Approach> approaches) {
    return approaches.stream().map(Approach::label).collect(Collectors.joining(" and "));
  }

  private static String codes(java.util.Collection<Trait> traits) {
    return traits.stream().map(Trait::code).collect(Collectors.joining(", "));
  }

  private static void add(List<Criterion> out, boolean met, String name, java.util.function.Supplier<String> text) {
    out.add(new Criterion(name, met, text.get()));
  }
}
