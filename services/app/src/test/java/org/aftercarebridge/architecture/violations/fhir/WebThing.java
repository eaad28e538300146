package org.aftercarebridge.architecture.violations.fhir;

/** Part of the web layer, depending back on a route: a cycle between features. */
public class WebThing {
  org.aftercarebridge.architecture.violations.integration.feature.WebAwareRoute route;
}
