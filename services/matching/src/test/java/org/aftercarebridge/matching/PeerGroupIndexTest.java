package org.aftercarebridge.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerGroupIndexTest {

  @Test
  void findsExactlyWhatABruteForceScanFindsAnywhereOnEarth() {
    Random random = new Random(42);
    List<PeerGroup> groups = new ArrayList<>();
    List<GeoPoint> centres = List.of(
        new GeoPoint(42.7, -71.2), new GeoPoint(0, 179.9), new GeoPoint(-33.9, 151.2), new GeoPoint(89.5, 10), new GeoPoint(64.1, -21.9));
    for (int i = 0; i < 4000; i++) {
      GeoPoint centre = centres.get(i % centres.size());
      double lat = Math.max(-90, Math.min(90, centre.latitude() + random.nextGaussian()));
      double lon = centre.longitude() + random.nextGaussian() * 2;
      lon = ((lon + 540) % 360) - 180;
      groups.add(PeerGroupMatcherTest.aa("g" + i, new GeoPoint(lat, lon)));
    }
    PeerGroupIndex index = new PeerGroupIndex(groups);

    for (GeoPoint from : centres) {
      for (double km : new double[] {1, 20, 80, 400}) {
        Set<String> expected = new HashSet<>();
        for (PeerGroup group : groups) {
          if (from.kilometresTo(group.location()) <= km) {
            expected.add(group.id());
          }
        }
        Set<String> found = new HashSet<>();
        index.placedWithin(from, km, (group, distance) -> found.add(group.id()));
        assertThat(found).as("around %s within %s km", from, km).isEqualTo(expected);
      }
    }
  }

  @Test
  void keepsOnlineAndOneOnOneGroupsApart() {
    PeerGroup online = PeerGroupMatcherTest.group("online", RecoveryProgram.SMART_RECOVERY, MeetingFormat.ONLINE, null);
    PeerGroup hybrid = PeerGroupMatcherTest.group("hybrid", RecoveryProgram.AA, MeetingFormat.HYBRID, PeerGroupMatcherTest.LOWELL);
    PeerGroup peer = PeerGroupMatcherTest.group("peer", RecoveryProgram.PEER_RECOVERY_SUPPORT, MeetingFormat.IN_PERSON, null);
    PeerGroupIndex index = new PeerGroupIndex(List.of(online, hybrid, peer));

    assertThat(index.online().groups()).containsExactly(online, hybrid);
    assertThat(index.oneOnOne().groups()).containsExactly(peer);
    assertThat(index.size()).isEqualTo(3);
  }
}
