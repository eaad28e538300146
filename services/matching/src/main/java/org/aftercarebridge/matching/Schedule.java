package org.aftercarebridge.matching;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * When a group meets: weekly start times in its own time zone. No times means by appointment (a
 * peer supporter arranges a first meeting).
 *
 * @param zone the group's IANA time zone; null when the directory did not say (matching then assumes its default)
 */
public record Schedule(List<WeeklyTime> times, ZoneId zone) {

  public static final Schedule BY_APPOINTMENT = new Schedule(List.of(), null);

  public Schedule {
    times = times.stream().sorted(Comparator.comparingInt(WeeklyTime::minuteOfWeek)).toList();
  }

  public static Schedule weekly(ZoneId zone, WeeklyTime... times) {
    return new Schedule(List.of(times), zone);
  }

  public boolean byAppointment() {
    return times.isEmpty();
  }

  /** A weekly start: the day and local time. */
  public record WeeklyTime(DayOfWeek day, LocalTime start) {

    static final int MINUTES_PER_WEEK = 7 * 24 * 60;

    public static WeeklyTime of(DayOfWeek day, int hour, int minute) {
      return new WeeklyTime(day, LocalTime.of(hour, minute));
    }

    /** Minutes from Monday 00:00. */
    public int minuteOfWeek() {
      return (day.getValue() - 1) * 24 * 60 + start.getHour() * 60 + start.getMinute();
    }

    @Override
    public String toString() {
      return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + start;
    }
  }
}
