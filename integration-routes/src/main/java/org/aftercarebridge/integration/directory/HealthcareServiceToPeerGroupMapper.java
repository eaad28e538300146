package org.aftercarebridge.integration.directory;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.GeoPoint;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.HealthcareServiceAvailableTimeComponent;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A PeerSupportGroup HealthcareService an admin maintains (programs without feeds: SMART Recovery,
 * Women for Sobriety, peer supporters …) into the directory model. The meeting place travels as a
 * contained Location; the coordinators' region as {@code coverageArea.display}. Every problem is
 * reported with its FHIRPath.
 */
public final class HealthcareServiceToPeerGroupMapper {

  /** The directory model keeps one start time per group; meeting days may be many. */
  public DirectoryGroup toDirectoryGroup(String id, HealthcareService service, String defaultRegion) {
    List<Problem> problems = new ArrayList<>();
    String program = service.getProgram().stream()
        .flatMap(p -> p.getCoding().stream())
        .filter(c -> AftercareProfiles.RECOVERY_PROGRAMS.equals(c.getSystem()) && c.hasCode())
        .map(Coding::getCode)
        .findFirst()
        .orElse(null);
    if (program == null) {
      problems.add(new Problem("HealthcareService.program", "a program coded in " + AftercareProfiles.RECOVERY_PROGRAMS + " is required"));
    }
    if (!service.hasName() || service.getName().isBlank() || service.getName().length() > 200) {
      problems.add(new Problem("HealthcareService.name", "a name of 1 to 200 characters is required"));
    }
    MeetingFormat format = null;
    Set<String> characteristics = new TreeSet<>();
    for (CodeableConcept characteristic : service.getCharacteristic()) {
      for (Coding coding : characteristic.getCoding()) {
        if (AftercareProfiles.MEETING_CHARACTERISTICS.equals(coding.getSystem()) && coding.hasCode()) {
          Optional<MeetingFormat> named = MeetingFormat.fromCode(coding.getCode());
          if (named.isPresent()) {
            format = named.get();
          } else {
            characteristics.add(coding.getCode());
          }
        }
      }
    }
    Location place = place(service, problems);
    if (format == null) {
      format = place == null ? MeetingFormat.ONLINE : MeetingFormat.IN_PERSON;
    }
    GeoPoint position = null;
    if (format.hasPlace()) {
      if (place == null) {
        problems.add(new Problem("HealthcareService.location", "an in-person or hybrid group needs its meeting place as a contained Location"));
      } else {
        position = position(place, problems);
      }
    }
    Set<String> languages = new LinkedHashSet<>();
    service.getCommunication().forEach(c -> c.getCoding().stream().filter(Coding::hasCode)
        .forEach(coding -> languages.add(coding.getCode().split("-")[0].toLowerCase(Locale.ROOT))));
    if (languages.isEmpty()) {
      languages.add("en");
    }
    Schedule schedule = schedule(service, problems);
    String zone = timeZone(service, problems);
    Cost cost = cost(service, problems);
    String region = service.getCoverageArea().stream().map(Reference::getDisplay).filter(d -> d != null && !d.isBlank())
        .findFirst().orElse(defaultRegion);
    if (region.length() > 40) {
      problems.add(new Problem("HealthcareService.coverageArea.display", "the region must be at most 40 characters"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidGroupException(problems);
    }
    DirectoryGroup.Address address = place == null || !place.hasAddress()
        ? null
        : new DirectoryGroup.Address(
            place.getAddress().getLine().isEmpty() ? null : place.getAddress().getLine().get(0).getValue(),
            place.getAddress().getCity(), place.getAddress().getState(), place.getAddress().getPostalCode());
    return new DirectoryGroup(
        id, service.getName(), program, format, characteristics, languages, position, address, region,
        List.copyOf(schedule.days()), schedule.start(), schedule.end(), zone, cost, null,
        !service.hasActive() || service.getActive());
  }

  private static Location place(HealthcareService service, List<Problem> problems) {
    if (service.getLocation().isEmpty()) {
      return null;
    }
    String reference = service.getLocationFirstRep().getReference();
    for (Resource contained : service.getContained()) {
      if (contained instanceof Location location && reference != null
          && reference.equals("#" + contained.getIdElement().getIdPart().replace("#", ""))) {
        return location;
      }
    }
    problems.add(new Problem("HealthcareService.location[0]", "must refer to a contained Location (#id)"));
    return null;
  }

  private static GeoPoint position(Location place, List<Problem> problems) {
    if (!place.getPosition().hasLatitude() || !place.getPosition().hasLongitude()) {
      problems.add(new Problem("HealthcareService.contained.position", "the meeting place needs a latitude and longitude"));
      return null;
    }
    try {
      return new GeoPoint(place.getPosition().getLatitude().doubleValue(), place.getPosition().getLongitude().doubleValue());
    } catch (IllegalArgumentException outOfRange) {
      problems.add(new Problem("HealthcareService.contained.position", outOfRange.getMessage()));
      return null;
    }
  }

  private static Schedule schedule(HealthcareService service, List<Problem> problems) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Set<LocalTime> starts = new TreeSet<>();
    Set<LocalTime> ends = new TreeSet<>();
    List<HealthcareServiceAvailableTimeComponent> times = service.getAvailableTime();
    for (int i = 0; i < times.size(); i++) {
      HealthcareServiceAvailableTimeComponent time = times.get(i);
      time.getDaysOfWeek().forEach(day -> days.add(DayOfWeek.valueOf(fullDay(day.getValue().toCode()))));
      try {
        if (time.hasAvailableStartTime()) {
          starts.add(LocalTime.parse(time.getAvailableStartTime()));
        }
        if (time.hasAvailableEndTime()) {
          ends.add(LocalTime.parse(time.getAvailableEndTime()));
        }
      } catch (DateTimeParseException e) {
        problems.add(new Problem("HealthcareService.availableTime[" + i + "]", "times must be hh:mm:ss"));
      }
    }
    if (starts.size() > 1 || ends.size() > 1) {
      problems.add(new Problem("HealthcareService.availableTime", "all meeting days must share one start (and end) time"));
    }
    if (!days.isEmpty() && starts.isEmpty()) {
      problems.add(new Problem("HealthcareService.availableTime", "meeting days need an availableStartTime"));
    }
    LocalTime start = starts.isEmpty() ? null : starts.iterator().next();
    LocalTime end = ends.isEmpty() ? null : ends.iterator().next();
    return new Schedule(days, start == null ? null : start.withSecond(0), end == null ? null : end.withSecond(0));
  }

  private static String timeZone(HealthcareService service, List<Problem> problems) {
    var extension = service.getExtensionByUrl(AftercareProfiles.MEETING_TIME_ZONE);
    if (extension == null || extension.getValue() == null) {
      return null;
    }
    String zone = extension.getValue().primitiveValue();
    try {
      return ZoneId.of(zone).getId();
    } catch (DateTimeException | NullPointerException e) {
      problems.add(new Problem("HealthcareService.extension('" + AftercareProfiles.MEETING_TIME_ZONE + "')", "not an IANA time zone: " + zone));
      return null;
    }
  }

  private static Cost cost(HealthcareService service, List<Problem> problems) {
    for (CodeableConcept code : service.getServiceProvisionCode()) {
      for (Coding coding : code.getCoding()) {
        if (AftercareProfiles.GROUP_COSTS.equals(coding.getSystem())) {
          return Cost.fromCode(coding.getCode()).orElseGet(() -> {
            problems.add(new Problem("HealthcareService.serviceProvisionCode", "unknown group cost: " + coding.getCode()));
            return null;
          });
        }
      }
    }
    return null;
  }

  private static String fullDay(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().substring(0, 3).equalsIgnoreCase(code)) {
        return day.name();
      }
    }
    throw new IllegalArgumentException(code);
  }

  private record Schedule(Set<DayOfWeek> days, LocalTime start, LocalTime end) {}

  /** One thing wrong with a submitted group and where. */
  public record Problem(String location, String message) {}

  /** A submitted group the directory cannot take, with every problem found. */
  public static final class InvalidGroupException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidGroupException(List<Problem> problems) {
      super(problems.toString());
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
