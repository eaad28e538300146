package org.aftercarebridge.integration.referral;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aftercarebridge.directory.DirectoryGroup;
import org.aftercarebridge.directory.PeerGroupDirectory;
import org.aftercarebridge.integration.intake.DischargeNotification;
import org.aftercarebridge.matching.PeerGroupMatcher;

/** Matches a discharged person against the active groups of the directory. */
public final class Matchmaker {

  private final PeerGroupDirectory directory;
  private final PeerGroupMatcher matcher;
  private final DischargeToPersonMapper personMapper;
  private final int offered;

  /** @param offered how many groups a referral names: the chosen one and alternatives for the coordinator */
  public Matchmaker(PeerGroupDirectory directory, PeerGroupMatcher matcher, DischargeToPersonMapper personMapper, int offered) {
    this.directory = directory;
    this.matcher = matcher;
    this.personMapper = personMapper;
    this.offered = offered;
  }

  public MatchedDischarge match(DischargeNotification discharge) {
    Map<String, DirectoryGroup> groups =
        directory.activeGroups().stream().collect(Collectors.toMap(DirectoryGroup::id, Function.identity()));
    List<MatchedGroup> matches =
        matcher
            .rank(
                personMapper.toPerson(discharge),
                groups.values().stream().map(DirectoryGroup::toPeerGroup).toList(),
                offered)
            .stream()
            .map(match -> new MatchedGroup(groups.get(match.group().id()), match))
            .toList();
    return new MatchedDischarge(discharge, matches);
  }
}
