package org.aftercarebridge.directory.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How feed codes translate to ours: Meeting Guide type codes and BMLT format world ids to
 * meeting-characteristics codes (read from our CodeSystem's concept properties, the single source),
 * and language type codes to BCP-47 tags.
 */
public final class MeetingTypes {

  /** Meeting Guide language type codes (code4recovery spec data/types.json) and their BCP-47 tags. */
  private static final Map<String, String> MEETING_GUIDE_LANGUAGES =
      Map.ofEntries(
          Map.entry("AF", "af"), Map.entry("AM", "am"), Map.entry("AR", "ar"), Map.entry("BG", "bg"),
          Map.entry("DA", "da"), Map.entry("DE", "de"), Map.entry("EL", "el"), Map.entry("EN", "en"),
          Map.entry("FA", "fa"), Map.entry("FI", "fi"), Map.entry("FR", "fr"), Map.entry("HE", "he"),
          Map.entry("HI", "hi"), Map.entry("HR", "hr"), Map.entry("HU", "hu"), Map.entry("IS", "is"),
          Map.entry("ITA", "it"), Map.entry("JA", "ja"), Map.entry("KA", "ka"), Map.entry("KOR", "ko"),
          Map.entry("LT", "lt"), Map.entry("ML", "ml"), Map.entry("MT", "mt"), Map.entry("NE", "ne"),
          Map.entry("NL", "nl"), Map.entry("NO", "no"), Map.entry("POL", "pl"), Map.entry("POR", "pt"),
          Map.entry("PUN", "pa"), Map.entry("RUS", "ru"), Map.entry("S", "es"), Map.entry("SK", "sk"),
          Map.entry("SL", "sl"), Map.entry("SV", "sv"), Map.entry("TH", "th"), Map.entry("TL", "tl"),
          Map.entry("TUR", "tr"), Map.entry("UK", "uk"));

  private final Map<String, String> byMeetingGuideType;
  private final Map<String, String> byBmltWorldId;

  private MeetingTypes(Map<String, String> byMeetingGuideType, Map<String, String> byBmltWorldId) {
    this.byMeetingGuideType = Map.copyOf(byMeetingGuideType);
    this.byBmltWorldId = Map.copyOf(byBmltWorldId);
  }

  /** Reads the mappings from the meeting-characteristics CodeSystem (FHIR JSON). */
  public static MeetingTypes fromCodeSystem(String codeSystemJson) {
    Map<String, String> meetingGuide = new HashMap<>();
    Map<String, String> bmlt = new HashMap<>();
    try {
      for (JsonNode concept : new ObjectMapper().readTree(codeSystemJson).path("concept")) {
        for (JsonNode property : concept.path("property")) {
          String value = property.path("valueString").asText();
          switch (property.path("code").asText()) {
            case "meeting-guide-type" -> meetingGuide.put(value, concept.path("code").asText());
            case "bmlt-world-id" -> bmlt.put(value, concept.path("code").asText());
            default -> { }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MeetingTypes(meetingGuide, bmlt);
  }

  public Optional<String> characteristicOfMeetingGuideType(String type) {
    return Optional.ofNullable(byMeetingGuideType.get(type));
  }

  public Optional<String> characteristicOfBmltWorldId(String worldId) {
    return Optional.ofNullable(byBmltWorldId.get(worldId));
  }

  public Optional<String> languageOfMeetingGuideType(String type) {
    return Optional.ofNullable(MEETING_GUIDE_LANGUAGES.get(type));
  }
}
