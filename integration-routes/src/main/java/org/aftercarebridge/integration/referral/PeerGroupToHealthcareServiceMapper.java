package org.aftercarebridge.integration.referral;

import java.time.DayOfWeek;
import java.util.Locale;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.MeetingFormat;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HealthcareService.DaysOfWeek;
import org.hl7.fhir.r4.model.Location;

/**
 * A directory group as FHIR: a HealthcareService (NDH / Gravity SDOHCC style: support-group service
 * type, delivery method, languages, weekly meeting time) and, for groups that meet somewhere, its Location.
 */
public final class PeerGroupToHealthcareServiceMapper {

  static final String SERVICE_TYPE = "http://terminology.hl7.org/CodeSystem/service-type";
  static final String DELIVERY_METHOD = "http://terminology.hl7.org/CodeSystem/service-delivery-method";
  static final String BCP_47 = "urn:ietf:bcp:47";

  public HealthcareService toHealthcareService(DirectoryGroup group) {
    HealthcareService service = new HealthcareService();
    service.setId(group.id());
    service.setActive(true);
    service.setName(group.name());
    service.addType(new CodeableConcept(new Coding(SERVICE_TYPE, "552", "Drug and/or Alcohol Support Groups")));
    service.addProgram().setText(group.program());
    deliveryMethods(group.format())
        .forEach(method -> service.addCharacteristic(new CodeableConcept(new Coding(DELIVERY_METHOD, method, null))));
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

  private static java.util.List<String> deliveryMethods(MeetingFormat format) {
    return switch (format) {
      case IN_PERSON -> java.util.List.of("physical");
      case ONLINE -> java.util.List.of("virtual");
      case HYBRID -> java.util.List.of("physical", "virtual");
    };
  }

  private static DaysOfWeek daysOfWeek(DayOfWeek day) {
    return DaysOfWeek.fromCode(day.name().substring(0, 3).toLowerCase(Locale.ROOT));
  }
}
