package org.aftercarebridge.architecture.violations.integration.feature;

/** Violates "routes do not know the web layer"; with WebThing it closes a cycle. */
public class WebAwareRoute {
  org.aftercarebridge.architecture.violations.fhir.WebThing web;
}
