package org.aftercarebridge.integration.referral;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.MeetingFormat;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.Location;

/**
 * A directory group as FHIR, conforming to our guide: a PeerSupportGroup HealthcareService (NDH /
 * Gravity SDOHCC style: support-group service type, program, format, languages, weekly meeting time)
 * and, for groups that meet somewhere, its PeerSupportLocation.
 */
public final class PeerGroupToHealthcareServiceMapper {

  static final String SERVICE_TYPE = "http://terminology.hl7.org/CodeSystem/service-type";
  static final String BCP_47 = "urn:ietf:bcp:47";

  /** Directory program names and their recovery-programs codes (until the directory stores codes). */
  private static final Map<String, String> PROGRAM_CODES =
      Map.ofEntries(
          Map.entry("AA", "aa"),
          Map.entry("NA", "na"),
          Map.entry("CA", "ca"),
          Map.entry("SMART Recovery", "smart-recovery"),
          Map.entry("Moderation Management", "moderation-management"),
          Map.entry("Women for Sobriety", "women-for-sobriety"),
          Map.entry("LifeRing", "lifering"),
          Map.entry("Recovery Dharma", "recovery-dharma"),
          Map.entry("Celebrate Recovery", "celebrate-recovery"),
          Map.entry("Al-Anon", "al-anon"),
          Map.entry("Nar-Anon", "nar-anon"));

  public HealthcareService toHealthcareService(DirectoryGroup group) {
    HealthcareService service = new HealthcareService();
    service.setId(group.id());
    service.getMeta().addProfile(AftercareProfiles.PEER_SUPPORT_GROUP);
    service.setActive(true);
    service.setName(group.name());
    service.addType(new CodeableConcept(new Coding(SERVICE_TYPE, "552", "Drug and/or Alcohol Support Groups")));
    CodeableConcept program = service.addProgram().setText(group.program());
    if (PROGRAM_CODES.containsKey(group.program())) {
      program.addCoding(new Coding(AftercareProfiles.RECOVERY_PROGRAMS, PROGRAM_CODES.get(group.program()), group.program()));
    }
    service.addCharacteristic(
        new CodeableConcept(new Coding(AftercareProfiles.MEETING_CHARACTERISTICS, format(group.format()), null)));
    group.languages().stream()
        .sorted()
        .forEach(lang -> service.addCommunication(new CodeableConcept(new Coding(BCP_47, lang, null))));
    if (group.weekday() != null) {
      var time = service.addAvailableTime().addDaysOfWeek(daysOfWeek(group.weekday()));
      if (group.startTime() != null) {
        time.setAvailableStartTime(group.startTime().toString() + ":00");
      }
    }
    if (group.format().hasPlace() && group.location() != null) {
      service.addLocation().setReference("Location/" + group.id()).setDisplay(group.name());
    }
    return service;
  }

  /** The meeting place, or null for groups that only meet online. */
  public Location toLocation(DirectoryGroup group) {
    if (!group.format().hasPlace() || group.location() == null) {
      return null;
    }
    Location location = new Location();
    location.setId(group.id());
    location.getMeta().addProfile(AftercareProfiles.PEER_SUPPORT_LOCATION);
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setName(group.name());
    DirectoryGroup.Address address = group.address();
    if (address != null) {
      location.getAddress().setCity(address.city()).setState(address.state()).setPostalCode(address.postalCode());
      if (address.line() != null) {
        location.getAddress().addLine(address.line());
      }
    }
    location.getPosition().setLatitude(group.location().latitude()).setLongitude(group.location().longitude());
    return location;
  }

  /** The meeting-characteristics code of a format. */
  private static String format(MeetingFormat format) {
    return switch (format) {
      case IN_PERSON -> "in-person";
      case ONLINE -> "online";
      case HYBRID -> "hybrid";
    };
  }

  private static DaysOfWeek daysOfWeek(DayOfWeek day) {
    return DaysOfWeek.fromCode(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
  }
}
