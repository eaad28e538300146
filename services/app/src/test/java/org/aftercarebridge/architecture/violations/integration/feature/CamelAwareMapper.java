package org.aftercarebridge.architecture.violations.integration.feature;

/** Violates "mappers are plain classes". */
public class CamelAwareMapper {
  org.apache.camel.Message message;
}
