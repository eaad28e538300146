package org.aftercarebridge.architecture.violations.directory.internal;

/** An internal class of the directory feature. */
public class DirectorySecret {}
