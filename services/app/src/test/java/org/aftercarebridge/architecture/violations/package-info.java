/**
 * Deliberate violations of the architecture rules, so that ArchitectureTest can prove each rule
 * fails when it should. Never imported by production code.
 */
package org.aftercarebridge.architecture.violations;
