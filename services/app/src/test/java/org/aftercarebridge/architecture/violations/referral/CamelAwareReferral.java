package org.aftercarebridge.architecture.violations.referral;

/** Violates "the domain imports no Camel" and "internals stay inside their feature". */
public class CamelAwareReferral {
  org.apache.camel.Exchange exchange;
  org.aftercarebridge.architecture.violations.directory.internal.DirectorySecret secret;
}
