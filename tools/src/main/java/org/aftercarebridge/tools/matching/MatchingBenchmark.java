package org.aftercarebridge.tools.matching;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.aftercarebridge.matching.Approach;
import org.aftercarebridge.matching.Gender;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MatchResult;
import org.aftercarebridge.matching.MatchingPolicy;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.PeerGroup;
import org.aftercarebridge.matching.PeerGroupIndex;
import org.aftercarebridge.matching.PeerGroupMatcher;
import org.aftercarebridge.matching.Person;
import org.aftercarebridge.matching.RecoveryProgram;
import org.aftercarebridge.matching.Schedule;
import org.aftercarebridge.matching.Substance;
import org.aftercarebridge.matching.Trait;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Match latency against a synthetic national directory of 1k, 10k and 100k groups: groups spread
 * around 60 metro areas like real meetings are (90% meet at a place, 10% online only), with the
 * real mix of programs, characteristics, languages, time zones and weekly schedules; people drawn
 * the same way, a fifth of them asking for online meetings, some with requirements, some asking for
 * an identity group (LGBTQ+, young people, women). SampleTime
 * mode gives the p50 and p99 that {@code docs/benchmarks.md} records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class MatchingBenchmark {

  private static final int PEOPLE = 256;
  private static final ZoneId[] ZONES = {
    ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"), ZoneId.of("America/Los_Angeles")
  };
  private static final RecoveryProgram[] PROGRAMS = {
    RecoveryProgram.AA, RecoveryProgram.AA, RecoveryProgram.AA, RecoveryProgram.AA, RecoveryProgram.NA, RecoveryProgram.NA,
    RecoveryProgram.SMART_RECOVERY, RecoveryProgram.CA, RecoveryProgram.AL_ANON, RecoveryProgram.RECOVERY_DHARMA,
    RecoveryProgram.LIFERING, RecoveryProgram.WOMEN_FOR_SOBRIETY, RecoveryProgram.PEER_RECOVERY_SUPPORT
  };
  private static final Trait[] TRAITS = {
    Trait.OPEN, Trait.CLOSED, Trait.NEWCOMER, Trait.SPEAKER, Trait.DISCUSSION, Trait.WOMEN, Trait.MEN, Trait.LGBTQ,
    Trait.YOUNG_PEOPLE, Trait.SECULAR, Trait.MEDITATION, Trait.WHEELCHAIR_ACCESSIBLE
  };

  private static final Trait[] IDENTITIES = {Trait.LGBTQ, Trait.YOUNG_PEOPLE, Trait.WOMEN};

  @Param({"1000", "10000", "100000"})
  public int groups;

  private PeerGroupIndex index;
  private PeerGroupMatcher matcher;
  private Person[] people;
  private int next;

  @Setup
  public void directory() {
    Random random = new Random(20261121);
    List<GeoPoint> metros = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      metros.add(new GeoPoint(30 + random.nextDouble() * 17, -122 + random.nextDouble() * 50));
    }
    List<PeerGroup> directory = new ArrayList<>(groups);
    for (int i = 0; i < groups; i++) {
      directory.add(group(i, random, metros));
    }
    index = new PeerGroupIndex(directory);
    matcher = new PeerGroupMatcher(MatchingPolicy.DEFAULTS);
    people = new Person[PEOPLE];
    for (int i = 0; i < PEOPLE; i++) {
      people[i] = person(random, metros);
    }
  }

  @Benchmark
  public MatchResult match() {
    Person person = people[next++ & (PEOPLE - 1)];
    return matcher.match(person, index);
  }

  private static PeerGroup group(int i, Random random, List<GeoPoint> metros) {
    RecoveryProgram program = PROGRAMS[random.nextInt(PROGRAMS.length)];
    boolean online = random.nextDouble() < 0.10;
    MeetingFormat format = online ? MeetingFormat.ONLINE : random.nextDouble() < 0.15 ? MeetingFormat.HYBRID : MeetingFormat.IN_PERSON;
    Set<Trait> traits = EnumSet.noneOf(Trait.class);
    for (int t = 0; t < 3; t++) {
      if (random.nextBoolean()) {
        traits.add(TRAITS[random.nextInt(TRAITS.length)]);
      }
    }
    Set<String> languages = random.nextDouble() < 0.1 ? Set.of("es") : random.nextDouble() < 0.05 ? Set.of("en", "es") : Set.of("en");
    ZoneId zone = ZONES[random.nextInt(ZONES.length)];
    Schedule schedule = program == RecoveryProgram.PEER_RECOVERY_SUPPORT
        ? Schedule.BY_APPOINTMENT
        : new Schedule(List.of(new Schedule.WeeklyTime(DayOfWeek.of(1 + random.nextInt(7)), LocalTime.of(6 + random.nextInt(16), 30 * random.nextInt(2)))), zone);
    return PeerGroup.of("g" + i, "Group " + i, program, format, traits, languages, online ? null : near(random, metros, 25), schedule);
  }

  private static Person person(Random random, List<GeoPoint> metros) {
    Person.Builder person = Person.builder(Instant.parse("2026-11-23T15:00:00Z").plusSeconds(random.nextInt(7 * 24 * 3600)))
        .home(random.nextDouble() < 0.9 ? near(random, metros, 40) : new GeoPoint(30 + random.nextDouble() * 17, -122 + random.nextDouble() * 50))
        .substances(random.nextBoolean() ? Substance.ALCOHOL : Substance.OPIOIDS)
        .gender(random.nextBoolean() ? Gender.FEMALE : Gender.MALE);
    if (random.nextDouble() < 0.2) {
      person.formats(MeetingFormat.ONLINE, MeetingFormat.IN_PERSON);
    }
    if (random.nextDouble() < 0.3) {
      person.approaches(random.nextBoolean() ? Approach.SECULAR : Approach.TWELVE_STEP);
    }
    if (random.nextDouble() < 0.1) {
      person.language("es").languageRequired(random.nextBoolean());
    }
    if (random.nextDouble() < 0.15) {
      person.identityGroups(IDENTITIES[random.nextInt(IDENTITIES.length)]);
    }
    if (random.nextDouble() < 0.05) {
      person.needs(Trait.WHEELCHAIR_ACCESSIBLE);
    }
    if (random.nextDouble() < 0.2) {
      person.socialAnxiety(true);
    }
    if (random.nextDouble() < 0.2) {
      person.availability(new Person.Availability(null, LocalTime.of(17, 0), LocalTime.of(21, 0)));
    }
    return person.build();
  }

  private static GeoPoint near(Random random, List<GeoPoint> metros, double spreadKm) {
    GeoPoint metro = metros.get(random.nextInt(metros.size()));
    double lat = metro.latitude() + random.nextGaussian() * spreadKm / 111.2;
    double lon = metro.longitude() + random.nextGaussian() * spreadKm / (111.2 * Math.cos(Math.toRadians(metro.latitude())));
    return new GeoPoint(Math.max(-90, Math.min(90, lat)), lon);
  }
}
