package org.aftercarebridge.integration.referral;

import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.matching.Match;

/** A directory group together with the reasons matching chose it. */
public record MatchedGroup(DirectoryGroup group, Match match) {}
