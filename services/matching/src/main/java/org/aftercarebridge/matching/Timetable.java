package org.aftercarebridge.matching;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Groups one can join from anywhere (online, or one-on-one peer supporters), laid out so that a
 * search need not score them all: their weekly meetings per time zone in the order of the week,
 * walked soonest first from the person's start; their admission classes (groups that look alike
 * to {@link Admission}), judged once per search instead of once per group; and their scoring
 * classes (groups that look alike to every {@link Scorer} criterion but the schedule), scored once.
 */
final class Timetable {

  private static final int MINUTES_PER_WEEK = Schedule.WeeklyTime.MINUTES_PER_WEEK;

  private final List<PeerGroup> groups;
  private final int[] admissionClass;
  private final List<PeerGroup> classSample = new ArrayList<>();
  private final List<Integer> classSize = new ArrayList<>();
  private final int[] scoringClass;
  private final int scoringClasses;
  private final int[] byAppointment;
  /** Per time zone (null: the policy's default): meeting minute of the week, ascending, and whose meeting it is. */
  private final ZoneId[] zones;
  private final int[][] minutes;
  private final int[][] owners;
  private final Schedule.WeeklyTime[][] times;

  Timetable(List<PeerGroup> groups) {
    this.groups = List.copyOf(groups);
    this.admissionClass = new int[groups.size()];
    this.scoringClass = new int[groups.size()];
    Map<Admission.Key, Integer> classes = new HashMap<>();
    Map<Scorer.Key, Integer> scoring = new HashMap<>();
    Map<ZoneId, List<int[]>> entriesByZone = new LinkedHashMap<>();
    List<Integer> appointments = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      PeerGroup group = groups.get(i);
      int admission = classes.computeIfAbsent(Admission.key(group), key -> {
        classSample.add(group);
        classSize.add(0);
        return classSample.size() - 1;
      });
      classSize.set(admission, classSize.get(admission) + 1);
      admissionClass[i] = admission;
      scoringClass[i] = scoring.computeIfAbsent(Scorer.key(group), key -> scoring.size());
      if (group.schedule().byAppointment()) {
        appointments.add(i);
      }
      List<Schedule.WeeklyTime> weekly = group.schedule().times();
      for (int t = 0; t < weekly.size(); t++) {
        entriesByZone.computeIfAbsent(group.schedule().zone(), zone -> new ArrayList<>())
            .add(new int[] {weekly.get(t).minuteOfWeek(), i, t});
      }
    }
    scoringClasses = scoring.size();
    byAppointment = appointments.stream().mapToInt(Integer::intValue).toArray();
    zones = entriesByZone.keySet().toArray(new ZoneId[0]);
    minutes = new int[zones.length][];
    owners = new int[zones.length][];
    times = new Schedule.WeeklyTime[zones.length][];
    for (int z = 0; z < zones.length; z++) {
      List<int[]> entries = entriesByZone.get(zones[z]);
      entries.sort(Comparator.comparingInt(entry -> entry[0]));
      minutes[z] = entries.stream().mapToInt(entry -> entry[0]).toArray();
      owners[z] = entries.stream().mapToInt(entry -> entry[1]).toArray();
      times[z] = entries.stream().map(entry -> groups.get(entry[1]).schedule().times().get(entry[2])).toArray(Schedule.WeeklyTime[]::new);
    }
  }

  int size() {
    return groups.size();
  }

  List<PeerGroup> groups() {
    return groups;
  }

  PeerGroup group(int ordinal) {
    return groups.get(ordinal);
  }

  int admissionClass(int ordinal) {
    return admissionClass[ordinal];
  }

  int admissionClasses() {
    return classSample.size();
  }

  /** A group of the class: they all admit the same people. */
  PeerGroup classSample(int admissionClass) {
    return classSample.get(admissionClass);
  }

  int classSize(int admissionClass) {
    return classSize.get(admissionClass);
  }

  int scoringClass(int ordinal) {
    return scoringClass[ordinal];
  }

  int scoringClasses() {
    return scoringClasses;
  }

  /** Ordinals of the groups that meet by appointment (no weekly times). */
  int[] byAppointment() {
    return byAppointment;
  }

  /** Walks every weekly meeting once, soonest after the person's start first ({@code startMinute} per time zone, null for the default). */
  Walk walk(ToIntFunction<ZoneId> startMinute) {
    return new Walk(startMinute);
  }

  /** A merge of the per-zone rings, each entered at the person's start in that zone. */
  final class Walk {
    private final int[] start = new int[zones.length];
    private final int[] first = new int[zones.length];
    private final int[] walked = new int[zones.length];
    private int zone = -1;
    private int position;
    private int minutesAhead;

    private Walk(ToIntFunction<ZoneId> startMinute) {
      for (int z = 0; z < zones.length; z++) {
        start[z] = startMinute.applyAsInt(zones[z]);
        int found = Arrays.binarySearch(minutes[z], start[z]);
        if (found >= 0) {
          while (found > 0 && minutes[z][found - 1] == start[z]) {
            found--;
          }
        }
        first[z] = found >= 0 ? found : -found - 1;
      }
    }

    /** Moves to the next meeting; false when the week has been walked. */
    boolean next() {
      zone = -1;
      minutesAhead = Integer.MAX_VALUE;
      for (int z = 0; z < zones.length; z++) {
        if (walked[z] == minutes[z].length) {
          continue;
        }
        int at = (first[z] + walked[z]) % minutes[z].length;
        int ahead = Math.floorMod(minutes[z][at] - start[z], MINUTES_PER_WEEK);
        if (ahead < minutesAhead) {
          minutesAhead = ahead;
          zone = z;
          position = at;
        }
      }
      if (zone < 0) {
        return false;
      }
      walked[zone]++;
      return true;
    }

    int ordinal() {
      return owners[zone][position];
    }

    Schedule.WeeklyTime time() {
      return times[zone][position];
    }

    /** Minutes from the person's start to this meeting. */
    int minutesAhead() {
      return minutesAhead;
    }
  }
}
