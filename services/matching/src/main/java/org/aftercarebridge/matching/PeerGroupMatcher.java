package org.aftercarebridge.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Chooses the peer-support groups that fit a person, best first, and says why.
 *
 * <ol>
 *   <li>Hard requirements ({@link Admission}) are never broken.
 *   <li>In person: the search radius grows along the policy's ladder until enough groups fit (as
 *       BMLT's auto-radius does), never beyond the person's travel limit.
 *   <li>Online groups fill in when too few meet nearby, when the person cannot travel or asks for
 *       online meetings, or when we do not know where they start from.
 *   <li>Soft criteria ({@link Scorer}) rank the candidates; ties go to the sooner meeting, then the
 *       nearer, then the group id, so the same input always gives the same answer.
 *   <li>When nothing satisfies the hard requirements, the answer says so and offers online groups
 *       and one-on-one peer supporters that admit the person, wherever they are, instead.
 * </ol>
 */
public final class PeerGroupMatcher {

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score)
          .reversed()
          .thenComparingInt(Candidate::minutesUntilNext)
          .thenComparingDouble(Candidate::km)
          .thenComparing(c -> c.group().id());

  private final MatchingPolicy policy;

  public PeerGroupMatcher(MatchingPolicy policy) {
    this.policy = policy;
  }

  public MatchResult match(Person person, PeerGroupIndex directory) {
    return match(person, directory, policy.limit());
  }

  public MatchResult match(Person person, PeerGroupIndex directory, int limit) {
    Search search = new Search(person, directory, limit);
    Double radius = search.inPerson();
    boolean fillIn = search.needsOnline();
    if (fillIn) {
      search.online(false);
    }
    if (search.fits > 0) {
      return new MatchResult(search.best(), true, radius, search.foundSummary(radius, fillIn));
    }
    search.online(true);
    search.oneOnOne();
    List<Match> offers = search.best();
    return new MatchResult(offers, false, radius, search.unmetSummary(offers.isEmpty()));
  }

  /** One person's search: the best candidates so far, how many fit, and what was refused on the way. */
  private final class Search {
    private final Person person;
    private final PeerGroupIndex directory;
    private final int limit;
    private final double maxKm;
    private final Scorer scorer;
    /** The best {@code limit} candidates, worst on top: a bounded heap keeps the search linear. */
    private final PriorityQueue<Candidate> top;
    /** Groups held or offered in person: never considered twice (a group rejected once stays rejected, as the bar only rises). */
    private final Set<String> taken = new HashSet<>();
    private final Map<Admission.Refusal, Integer> refused = new EnumMap<>(Admission.Refusal.class);
    private int fits;
    private int nearby;
    private int nearbyAlsoOnline;

    Search(Person person, PeerGroupIndex directory, int limit) {
      this.person = person;
      this.directory = directory;
      this.limit = limit;
      this.maxKm = person.maxTravelKm() == null || person.maxTravelKm() <= 0 ? policy.maxTravelKm() : person.maxTravelKm();
      this.scorer = new Scorer(person, policy, maxKm);
      this.top = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
    }

    /** Adds the in-person candidates within the auto-radius; answers that radius, or null without a place to start from. */
    Double inPerson() {
      if (person.home() == null || !person.canAttendInPerson()) {
        return null;
      }
      double radius = maxKm;
      List<Candidate> reachable = null;
      for (double step : policy.radiusLadderKm()) {
        if (step >= maxKm) {
          break;
        }
        List<Candidate> within = reachable(step, false);
        if (within.size() >= policy.enoughNearby()) {
          radius = step;
          reachable = within;
          break;
        }
      }
      if (reachable == null) {
        reachable = reachable(maxKm, true);
      }
      for (Candidate candidate : reachable) {
        PeerGroup group = candidate.group();
        keep(group, MeetingFormat.IN_PERSON, candidate.km(), scorer.score(group, MeetingFormat.IN_PERSON, candidate.km(), null), false);
        taken.add(group.id()); // offered in person, if at all
        if (group.format().reachableOnline()) {
          nearbyAlsoOnline++;
        }
      }
      nearby = reachable.size();
      fits += nearby;
      return radius;
    }

    /** The groups within {@code km} one can attend in person that admit the person; counting refusals when asked. */
    private List<Candidate> reachable(double km, boolean countRefusals) {
      List<Candidate> reachable = new ArrayList<>();
      directory.placedWithin(person.home(), km, (group, distance) -> {
        Admission.Refusal refusal = Admission.refusal(person, group);
        if (refusal == null && !Admission.accessibleInPerson(person, group)) {
          refusal = Admission.Refusal.WHEELCHAIR;
        }
        if (refusal == null) {
          reachable.add(new Candidate(group, MeetingFormat.IN_PERSON, distance, 0, 0, false));
        } else if (countRefusals) {
          refused.merge(refusal, 1, Integer::sum);
        }
      });
      return reachable;
    }

    boolean needsOnline() {
      return person.canAttendOnline()
          && (person.home() == null
              || !person.canAttendInPerson()
              || person.formats().contains(MeetingFormat.ONLINE)
              || nearby < policy.enoughNearby());
    }

    /** Considers the groups one can join online; {@code instead} when offered because nothing else fits (format not asked for). */
    void online(boolean instead) {
      Timetable online = directory.online();
      Admission.Refusal[] verdicts = verdicts(online);
      if (!instead) {
        for (int c = 0; c < verdicts.length; c++) {
          if (verdicts[c] != null) {
            refused.merge(verdicts[c], online.classSize(c), Integer::sum);
          } else {
            fits += online.classSize(c);
          }
        }
        fits -= nearbyAlsoOnline; // hybrid groups nearby fit already, in person
      }
      new SoonestFirst(online, verdicts, group -> MeetingFormat.ONLINE, instead).run();
    }

    /** Considers the one-on-one peer supporters that admit the person, wherever they are. */
    void oneOnOne() {
      Timetable peers = directory.oneOnOne();
      new SoonestFirst(peers, verdicts(peers),
          group -> group.format().reachableOnline() ? MeetingFormat.ONLINE : MeetingFormat.IN_PERSON, true).run();
    }

    private Admission.Refusal[] verdicts(Timetable timetable) {
      Admission.Refusal[] verdicts = new Admission.Refusal[timetable.admissionClasses()];
      for (int c = 0; c < verdicts.length; c++) {
        verdicts[c] = Admission.refusal(person, timetable.classSample(c));
      }
      return verdicts;
    }

    /** Whether the candidates held are all better than a group online earning {@code scheduleShare} could be. */
    private boolean cannotBeat(double scheduleShare) {
      return beaten(scorer.bestOnline(scheduleShare));
    }

    /**
     * Scores the admitted groups of a timetable in the order of their next meeting the person can go
     * to, and stops as soon as no later one could beat the candidates held: then even a group meeting
     * every other criterion scores less for being later. Groups by appointment take their place in
     * that order by the share of the schedule weight they earn; groups meeting only when the person
     * cannot go come last.
     */
    private final class SoonestFirst {
      private final Timetable timetable;
      private final Admission.Refusal[] verdicts;
      private final Function<PeerGroup, MeetingFormat> attendance;
      private final boolean instead;
      private final BitSet seen;
      /** Points besides the schedule per scoring class, NaN until a group of the class comes up. */
      private final double[] besidesSchedule;

      SoonestFirst(Timetable timetable, Admission.Refusal[] verdicts, Function<PeerGroup, MeetingFormat> attendance, boolean instead) {
        this.timetable = timetable;
        this.verdicts = verdicts;
        this.attendance = attendance;
        this.instead = instead;
        this.seen = new BitSet(timetable.size());
        this.besidesSchedule = new double[timetable.scoringClasses()];
        Arrays.fill(besidesSchedule, Double.NaN);
      }

      void run() {
        if (Arrays.stream(verdicts).allMatch(Objects::nonNull)) {
          return; // none admits the person
        }
        boolean appointmentsSeen = false;
        Timetable.Walk walk = timetable.walk(scorer::startMinute);
        while (walk.next()) {
          double soonness = Scorer.soonness(walk.minutesAhead());
          if (!appointmentsSeen && soonness < Scorer.BY_APPOINTMENT_SOONNESS) {
            if (!byAppointment()) {
              return;
            }
            appointmentsSeen = true;
          }
          if (cannotBeat(soonness)) {
            return;
          }
          int ordinal = walk.ordinal();
          if (!seen.get(ordinal) && scorer.canGo(walk.time())) {
            consider(ordinal, soonness); // its first meeting the person can go to: its next
          }
        }
        if ((appointmentsSeen || byAppointment()) && !cannotBeat(0)) {
          for (int ordinal = seen.nextClearBit(0); ordinal < timetable.size(); ordinal = seen.nextClearBit(ordinal + 1)) {
            consider(ordinal, 0); // meets only when the person cannot go
          }
        }
      }

      /** Considers the groups that meet by appointment, unless none could beat the candidates held (then false). */
      private boolean byAppointment() {
        if (cannotBeat(Scorer.BY_APPOINTMENT_SOONNESS)) {
          return false;
        }
        for (int ordinal : timetable.byAppointment()) {
          consider(ordinal, Scorer.BY_APPOINTMENT_SOONNESS);
        }
        return true;
      }

      /** Scores the group, if admitted, with the share of the schedule weight it earns, and keeps it if good enough. */
      private void consider(int ordinal, double scheduleShare) {
        seen.set(ordinal);
        if (verdicts[timetable.admissionClass(ordinal)] != null) {
          return;
        }
        PeerGroup group = timetable.group(ordinal);
        MeetingFormat way = attendance.apply(group);
        int scoring = timetable.scoringClass(ordinal);
        if (Double.isNaN(besidesSchedule[scoring])) {
          besidesSchedule[scoring] = scorer.besidesSchedule(group, way, Double.POSITIVE_INFINITY);
        }
        double score = scorer.score(besidesSchedule[scoring], scheduleShare);
        if (!beaten(score) && !taken.contains(group.id()) && keep(group, way, Double.POSITIVE_INFINITY, score, instead)) {
          taken.add(group.id()); // once: one group can be in several timetables
        }
      }
    }

    /** Whether a candidate with this score cannot be among the best {@code limit}. */
    private boolean beaten(double score) {
      return top.size() == limit && score < top.peek().score();
    }

    /** Keeps the candidate if it is among the best {@code limit}; true if kept. */
    private boolean keep(PeerGroup group, MeetingFormat attendance, double km, double score, boolean instead) {
      if (beaten(score)) {
        return false;
      }
      top.add(new Candidate(group, attendance, km, score, scorer.minutesUntilNext(group), instead));
      if (top.size() > limit) {
        top.poll();
      }
      return true;
    }

    List<Match> best() {
      return top.stream().sorted(BEST_FIRST).map(this::explain).toList();
    }

    private Match explain(Candidate candidate) {
      List<Criterion> criteria = new ArrayList<>();
      if (candidate.instead()) {
        criteria.add(Criterion.missed("requirement", "offered instead: no group satisfies every requirement ("
            + refusalsText() + ")"));
      }
      Admission.explain(person, candidate.group(), candidate.attendance(), criteria);
      scorer.score(candidate.group(), candidate.attendance(), candidate.km(), criteria);
      return new Match(
          candidate.group(),
          candidate.score(),
          candidate.attendance(),
          candidate.attendance() == MeetingFormat.IN_PERSON && candidate.km() != Double.POSITIVE_INFINITY
              ? Math.round(candidate.km() * 10) / 10.0
              : null,
          scorer.nextStart(candidate.group()),
          criteria);
    }

    String foundSummary(Double radius, boolean fillIn) {
      StringBuilder summary = new StringBuilder();
      summary.append(fits).append(fits == 1 ? " group fits" : " groups fit");
      if (radius != null) {
        summary.append(String.format(Locale.ROOT, ": %d in person within %s km", nearby, km(radius)));
      } else if (person.home() == null && person.canAttendInPerson()) {
        summary.append(": no starting point was sent, so in-person meetings could not be placed");
      }
      if (fillIn) {
        summary.append(radius == null || nearby == 0 ? "; online groups offered" : "; online groups fill in");
      }
      return summary.toString();
    }

    String unmetSummary(boolean nothingElse) {
      String why = "No group satisfies every requirement (" + refusalsText() + ")";
      return nothingElse
          ? why + "; no online group or one-on-one peer supporter admits the person either: a coordinator should arrange one-on-one peer support"
          : why + "; offering online groups and one-on-one peer support instead";
    }

    private String refusalsText() {
      if (refused.isEmpty()) {
        return directory.size() == 0 ? "the directory is empty" : "none is reachable: " + reachText();
      }
      return refused.entrySet().stream()
          .map(e -> e.getValue() + (e.getValue() == 1 ? " group " : " groups ") + e.getKey().phrase)
          .collect(Collectors.joining("; "));
    }

    private String reachText() {
      if (person.home() == null) {
        return "no starting point was sent";
      }
      return person.canAttendOnline()
          ? "nothing within " + km(maxKm) + " km and no online group"
          : "nothing within " + km(maxKm) + " km, and the person cannot join online";
    }

    private static String km(double km) {
      return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
    }
  }

  private record Candidate(
      PeerGroup group, MeetingFormat attendance, double km, double score, int minutesUntilNext, boolean instead) {}
}
