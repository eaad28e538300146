package org.aftercarebridge.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ranks peer-support groups for a person by substance focus, language and reachability, and records
 * for each one which criteria it met and missed.
 *
 * <p>A first, deliberately small rule set: the full engine (philosophy, identity, schedule, cost,
 * social anxiety) replaces it without changing this API.
 */
public final class PeerGroupMatcher {

  static final String SUBSTANCE = "substance";
  static final String LANGUAGE = "language";
  static final String REACH = "reach";

  private static final Comparator<Match> BEST_FIRST =
      Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.group().id());

  private final MatchingRules rules;

  public PeerGroupMatcher(MatchingRules rules) {
    this.rules = rules;
  }

  /** The best {@code limit} groups for the person, best first; groups out of reach are left out. */
  public List<Match> rank(Person person, Collection<PeerGroup> groups, int limit) {
    return groups.stream()
        .map(group -> score(person, group))
        .flatMap(Optional::stream)
        .sorted(BEST_FIRST)
        .limit(limit)
        .toList();
  }

  private Optional<Match> score(Person person, PeerGroup group) {
    List<Criterion> criteria = new ArrayList<>();
    double score = 0;

    Optional<Reach> reach = reach(person, group);
    if (reach.isEmpty()) {
      return Optional.empty();
    }
    score += reach.get().points();
    criteria.add(reach.get().criterion());

    Criterion substance = substanceFit(person, group);
    score += substance.met() ? (group.focus().isEmpty() ? 2 : 3) : 0;
    criteria.add(substance);

    Criterion language = languageFit(person, group);
    score += language.met() ? 2 : 0;
    criteria.add(language);

    return Optional.of(new Match(group, Math.round(score * 100) / 100.0, criteria));
  }

  private static Criterion substanceFit(Person person, PeerGroup group) {
    if (group.focus().isEmpty()) {
      return Criterion.met(SUBSTANCE, group.program() + " welcomes people recovering from any substance");
    }
    if (person.substances().isEmpty()) {
      return Criterion.missed(
          SUBSTANCE, "no substance diagnosis was sent; " + group.program() + " focuses on " + labels(group));
    }
    List<String> shared =
        person.substances().stream().filter(group.focus()::contains).map(Substance::label).sorted().toList();
    return shared.isEmpty()
        ? Criterion.missed(SUBSTANCE, group.program() + " focuses on " + labels(group))
        : Criterion.met(SUBSTANCE, group.program() + " focuses on " + String.join(", ", shared));
  }

  private static Criterion languageFit(Person person, PeerGroup group) {
    String wanted = person.language() == null ? "en" : person.language().toLowerCase(Locale.ROOT);
    String assumed = person.language() == null ? " (assumed: no preferred language was sent)" : "";
    return group.languages().contains(wanted)
        ? Criterion.met(LANGUAGE, "meets in " + wanted + assumed)
        : Criterion.missed(LANGUAGE, "does not meet in " + wanted + assumed);
  }

  private Optional<Reach> reach(Person person, PeerGroup group) {
    if (group.format().hasPlace() && group.location() != null && person.home() != null) {
      double km = person.home().kilometresTo(group.location());
      if (km <= rules.maxTravelKm()) {
        double points = 2 * (1 - km / rules.maxTravelKm());
        return Optional.of(
            new Reach(points, Criterion.met(REACH, String.format(Locale.ROOT, "meets %.1f km from home", km))));
      }
    }
    if (group.format().reachableOnline()) {
      return Optional.of(new Reach(1, Criterion.met(REACH, "meets online: no travel needed")));
    }
    if (person.home() == null || group.location() == null) {
      return Optional.of(
          new Reach(0, Criterion.missed(REACH, "in person; distance unknown (no home or meeting position)")));
    }
    return Optional.empty();
  }

  private static String labels(PeerGroup group) {
    return group.focus().stream().map(Substance::label).sorted().collect(Collectors.joining(", "));
  }

  private record Reach(double points, Criterion criterion) {}
}
