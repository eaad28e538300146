package org.aftercarebridge.profiles.build;

import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

/** A human-readable summary of the guide's profiles and vocabularies, made from their differentials. */
final class ProfileSummary {

  private ProfileSummary() {}

  static String markdown(List<IBaseResource> resources) {
    StringBuilder out = new StringBuilder();
    out.append("### Profiles\n\n");
    for (IBaseResource resource : resources) {
      if (resource instanceof StructureDefinition profile) {
        profile(out, profile);
      }
    }
    out.append("### Vocabulary\n\n| kind | name | canonical | what it is |\n|---|---|---|---|\n");
    for (IBaseResource resource : resources) {
      if (resource instanceof CodeSystem system) {
        out.append(row("CodeSystem", system.getTitle(), system.getUrl(), system.getDescription()));
      } else if (resource instanceof ValueSet valueSet) {
        out.append(row("ValueSet", valueSet.getTitle(), valueSet.getUrl(), valueSet.getDescription()));
      }
    }
    return out.toString();
  }

  private static void profile(StringBuilder out, StructureDefinition profile) {
    out.append("#### ").append(profile.getTitle()).append(" (`").append(profile.getType()).append("`)\n\n")
        .append("`").append(profile.getUrl()).append("`  \n")
        .append("Parent: `").append(profile.getBaseDefinition()).append("`\n\n")
        .append(profile.getDescription().strip()).append("\n\n")
        .append("| element | card. | constraint |\n|---|---|---|\n");
    for (ElementDefinition element : profile.getDifferential().getElement()) {
      String rules = rules(element);
      String card = cardinality(element);
      if (!rules.isEmpty() || !card.isEmpty()) {
        out.append("| `").append(element.getId()).append("` | ").append(card).append(" | ").append(rules).append(" |\n");
      }
    }
    out.append("\n");
  }

  private static String cardinality(ElementDefinition element) {
    if (!element.hasMin() && !element.hasMax()) {
      return "";
    }
    return (element.hasMin() ? element.getMin() : "") + ".." + (element.hasMax() ? element.getMax() : "");
  }

  private static String rules(ElementDefinition element) {
    StringBuilder rules = new StringBuilder();
    if (element.hasFixed()) {
      rules.append("fixed `").append(element.getFixed().primitiveValue()).append("`; ");
    }
    if (element.hasPattern()) {
      rules.append("pattern ").append(pattern(element)).append("; ");
    }
    if (element.hasType() && element.getType().stream().anyMatch(t -> t.hasProfile() || t.hasTargetProfile())) {
      rules.append("only ")
          .append(element.getType().stream()
              .map(t -> t.hasProfile() ? t.getProfile().get(0).getValue() : t.getCode() + "(" + t.getTargetProfile().stream().map(p -> p.getValue().replaceAll(".*/", "")).collect(Collectors.joining(" | ")) + ")")
              .collect(Collectors.joining(", ")))
          .append("; ");
    } else if (element.hasType() && element.getPath().contains("[x]")) {
      rules.append("only ").append(element.getType().stream().map(t -> t.getCode()).collect(Collectors.joining(", "))).append("; ");
    }
    if (element.hasBinding() && element.getBinding().hasValueSet()) {
      rules.append("from `").append(element.getBinding().getValueSet()).append("` (")
          .append(element.getBinding().getStrength().toCode()).append("); ");
    }
    if (element.hasSlicing()) {
      rules.append("sliced by ").append(element.getSlicing().getDiscriminator().stream()
          .map(d -> d.getType().toCode() + " of " + d.getPath()).collect(Collectors.joining(", "))).append("; ");
    }
    if (element.getMustSupport()) {
      rules.append("must support; ");
    }
    for (ElementDefinition.ElementDefinitionConstraintComponent constraint : element.getConstraint()) {
      rules.append("**").append(constraint.getKey()).append("**: ").append(constraint.getHuman()).append("; ");
    }
    String text = rules.toString().replace("|", "\\|");
    return text.endsWith("; ") ? text.substring(0, text.length() - 2) : text;
  }

  private static String pattern(ElementDefinition element) {
    if (element.getPattern() instanceof org.hl7.fhir.r4.model.CodeableConcept concept) {
      return concept.getCoding().stream().map(c -> "`" + c.getSystem() + "#" + c.getCode() + "`").collect(Collectors.joining(", "));
    }
    return "`" + element.getPattern().primitiveValue() + "`";
  }

  private static String row(String kind, String name, String url, String description) {
    return "| " + kind + " | " + name + " | `" + url + "` | " + (description == null ? "" : description.strip().replace("\n", " ").replace("|", "\\|")) + " |\n";
  }
}
