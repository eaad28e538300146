package org.aftercarebridge.integration.directory;

import java.time.DayOfWeek;
import java.util.Locale;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.Cost;
import org.aftercarebridge.matching.MeetingFormat;
import org.aftercarebridge.matching.RecoveryProgram;
import org.aftercarebridge.profiles.AftercareProfiles;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.Location;

/**
 * A directory group as FHIR, conforming to our guide: a PeerSupportGroup HealthcareService (NDH /
 * Gravity SDOHCC style: support-group service type, program, characteristics, languages, weekly
 * meeting times in the group's time zone, cost) and, for groups that meet somewhere, its
 * PeerSupportLocation (same id).
 */
public final class PeerGroupToHealthcareServiceMapper {

  public static final String SERVICE_TYPE = "http://terminology.hl7.org/CodeSystem/service-type";
  public static final String SUPPORT_GROUPS = "552";
  public static final String BCP_47 = "urn:ietf:bcp:47";

  public HealthcareService toHealthcareService(DirectoryGroup group) {
    HealthcareService service = new HealthcareService();
    service.setId(group.id());
    service.getMeta().addProfile(AftercareProfiles.PEER_SUPPORT_GROUP);
    service.setActive(group.active());
    service.setName(group.name());
    service.addType(new CodeableConcept(new Coding(SERVICE_TYPE, SUPPORT_GROUPS, "Drug and/or Alcohol Support Groups")));
    service.addProgram(new CodeableConcept(new Coding(AftercareProfiles.RECOVERY_PROGRAMS, group.program(), group.programName())));
    // The format first; imported groups also list it among their characteristics: once is enough.
    service.addCharacteristic(characteristic(group.format().code()));
    group.characteristics().stream()
        .filter(code -> MeetingFormat.fromCode(code).isEmpty())
        .sorted()
        .forEach(code -> service.addCharacteristic(characteristic(code)));
    group.languages().stream().sorted().forEach(lang -> service.addCommunication(new CodeableConcept(new Coding(BCP_47, lang, null))));
    if (!group.days().isEmpty()) {
      var time = service.addAvailableTime();
      group.days().forEach(day -> time.addDaysOfWeek(daysOfWeek(day)));
      if (group.start() != null) {
        time.setAvailableStartTime(group.start() + ":00");
      }
      if (group.end() != null) {
        time.setAvailableEndTime(group.end() + ":00");
      }
    }
    if (group.timeZone() != null) {
      service.addExtension(AftercareProfiles.MEETING_TIME_ZONE, new CodeType(group.timeZone()));
    }
    Cost cost = group.cost() != null ? group.cost() : RecoveryProgram.fromCode(group.program()).map(RecoveryProgram::usualCost).orElse(null);
    if (cost != null) {
      service.addServiceProvisionCode(new CodeableConcept(new Coding(AftercareProfiles.GROUP_COSTS, cost.code(), null)));
    }
    if (group.format().hasPlace() && group.location() != null) {
      service.addLocation().setReference("Location/" + group.id()).setDisplay(group.name());
    }
    return service;
  }

  /** The meeting place, or null for groups that do not meet at a known place. */
  public Location toLocation(DirectoryGroup group) {
    if (!group.format().hasPlace() || group.location() == null) {
      return null;
    }
    Location location = new Location();
    location.setId(group.id());
    location.getMeta().addProfile(AftercareProfiles.PEER_SUPPORT_LOCATION);
    location.setStatus(group.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
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

  private static CodeableConcept characteristic(String code) {
    return new CodeableConcept(new Coding(AftercareProfiles.MEETING_CHARACTERISTICS, code, null));
  }

  private static DaysOfWeek daysOfWeek(DayOfWeek day) {
    return DaysOfWeek.fromCode(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
  }
}
