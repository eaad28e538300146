package org.aftercarebridge.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
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
    Search search = new Search(person, directory);
    Double radius = search.inPerson();
    boolean fillIn = search.needsOnline();
    if (fillIn) {
      search.online(false);
    }
    if (!search.candidates.isEmpty()) {
      return new MatchResult(search.best(limit), true, radius, search.foundSummary(radius, fillIn));
    }
    search.online(true);
    search.oneOnOne();
    List<Match> offers = search.best(limit);
    return new MatchResult(offers, false, radius, search.unmetSummary(offers.isEmpty()));
  }

  /** One person's search: the candidates found so far and what was refused on the way. */
  private final class Search {
    private final Person person;
    private final PeerGroupIndex directory;
    private final double maxKm;
    private final Scorer scorer;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Set<String> taken = new HashSet<>();
    private final Map<Admission.Refusal, Integer> refused = new EnumMap<>(Admission.Refusal.class);
    private int nearby;

    Search(Person person, PeerGroupIndex directory) {
      this.person = person;
      this.directory = directory;
      this.maxKm = person.maxTravelKm() == null || person.maxTravelKm() <= 0 ? policy.maxTravelKm() : person.maxTravelKm();
      this.scorer = new Scorer(person, policy, maxKm);
    }

    /** Adds the in-person candidates within the auto-radius; answers that radius, or null without a place to start from. */
    Double inPerson() {
      if (person.home() == null) {
        return null;
      }
      if (!person.canAttendInPerson()) {
        return null;
      }
      List<Candidate> reachable = new ArrayList<>();
      directory.placedWithin(person.home(), maxKm, (group, km) -> {
        Admission.Refusal refusal = Admission.refusal(person, group);
        if (refusal == null && !Admission.accessibleInPerson(person, group)) {
          refusal = Admission.Refusal.WHEELCHAIR;
        }
        if (refusal != null) {
          refused.merge(refusal, 1, Integer::sum);
        } else {
          reachable.add(new Candidate(group, MeetingFormat.IN_PERSON, km, 0, 0, false));
        }
      });
      double radius = radius(reachable);
      for (Candidate candidate : reachable) {
        if (candidate.km() <= radius) {
          add(candidate.group(), MeetingFormat.IN_PERSON, candidate.km(), false);
          nearby++;
        }
      }
      return radius;
    }

    /** The smallest radius on the ladder with enough groups, else the travel limit. */
    private double radius(List<Candidate> reachable) {
      double[] distances = reachable.stream().mapToDouble(Candidate::km).toArray();
      Arrays.sort(distances);
      if (distances.length >= policy.enoughNearby()) {
        double needed = distances[policy.enoughNearby() - 1];
        for (double step : policy.radiusLadderKm()) {
          if (step >= maxKm) {
            break;
          }
          if (step >= needed) {
            return step;
          }
        }
      }
      return maxKm;
    }

    boolean needsOnline() {
      return person.canAttendOnline()
          && (person.home() == null
              || !person.canAttendInPerson()
              || person.formats().contains(MeetingFormat.ONLINE)
              || nearby < policy.enoughNearby());
    }

    /** Adds online-joinable groups; {@code instead} when offered because nothing else fits (format not asked for). */
    void online(boolean instead) {
      if (!instead && !person.canAttendOnline()) {
        return;
      }
      for (PeerGroup group : directory.online()) {
        if (taken.contains(group.id())) {
          continue;
        }
        Admission.Refusal refusal = Admission.refusal(person, group);
        if (refusal != null) {
          if (!instead) {
            refused.merge(refusal, 1, Integer::sum);
          }
          continue;
        }
        add(group, MeetingFormat.ONLINE, Double.POSITIVE_INFINITY, instead);
      }
    }

    /** Adds one-on-one peer supporters that admit the person, wherever they are. */
    void oneOnOne() {
      for (PeerGroup group : directory.oneOnOne()) {
        if (!taken.contains(group.id()) && Admission.refusal(person, group) == null) {
          add(group, group.format().reachableOnline() ? MeetingFormat.ONLINE : MeetingFormat.IN_PERSON, Double.POSITIVE_INFINITY, true);
        }
      }
    }

    private void add(PeerGroup group, MeetingFormat attendance, double km, boolean instead) {
      taken.add(group.id());
      double score = scorer.score(group, attendance, km, null);
      candidates.add(new Candidate(group, attendance, km, score, scorer.minutesUntilNext(group), instead));
    }

    /** The best {@code limit} candidates, explained; a bounded heap keeps this linear in the candidates. */
    List<Match> best(int limit) {
      PriorityQueue<Candidate> top = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
      for (Candidate candidate : candidates) {
        top.add(candidate);
        if (top.size() > limit) {
          top.poll();
        }
      }
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
      summary.append(candidates.size()).append(candidates.size() == 1 ? " group fits" : " groups fit");
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
