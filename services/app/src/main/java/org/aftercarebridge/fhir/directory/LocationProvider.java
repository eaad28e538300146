package org.aftercarebridge.fhir.directory;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.SpecialParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.aftercarebridge.directory.PeerGroupDirectory;
import org.aftercarebridge.integration.directory.PeerGroupToHealthcareServiceMapper;
import org.aftercarebridge.matching.GeoPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;

/**
 * Where the directory's groups meet: {@code GET /fhir/Location/{id}} and
 * {@code GET /fhir/Location?near=lat|lng|distance|unit} (unit km, or mi / [mi_i]; default 20 km,
 * at most 500 km), nearest first.
 */
@Component
public class LocationProvider implements IResourceProvider {

  static final double DEFAULT_KM = 20;
  static final double MAX_KM = 500;
  static final int MAX_RESULTS = 500;
  private static final double KM_PER_MILE = 1.609344;

  private final PeerGroupDirectory directory;
  private final PeerGroupToHealthcareServiceMapper toFhir = new PeerGroupToHealthcareServiceMapper();

  public LocationProvider(PeerGroupDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Class<Location> getResourceType() {
    return Location.class;
  }

  @Read
  public Location read(@IdParam IdType id) {
    return directory.find(id.getIdPart()).map(toFhir::toLocation).orElseThrow(() -> new ResourceNotFoundException(id));
  }

  @Search
  public List<Location> near(@RequiredParam(name = Location.SP_NEAR) SpecialParam near) {
    String[] parts = near.getValue() == null ? new String[0] : near.getValue().split("\\|", -1);
    if (parts.length < 2 || parts.length > 4) {
      throw new InvalidRequestException("near must be latitude|longitude[|distance[|unit]]");
    }
    GeoPoint point;
    double km;
    try {
      point = new GeoPoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
      km = parts.length < 3 || parts[2].isBlank() ? DEFAULT_KM : Double.parseDouble(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("near: " + e.getMessage());
    }
    String unit = parts.length < 4 || parts[3].isBlank() ? "km" : parts[3];
    switch (unit) {
      case "km" -> { }
      case "mi", "[mi_i]" -> km = km * KM_PER_MILE;
      default -> throw new InvalidRequestException("near: unit must be km or mi ([mi_i])");
    }
    if (!(km > 0) || km > MAX_KM) {
      throw new InvalidRequestException("near: distance must be more than 0 and at most " + MAX_KM + " km");
    }
    return directory.placesNear(point, km, MAX_RESULTS).stream().map(placed -> toFhir.toLocation(placed.group())).toList();
  }
}
