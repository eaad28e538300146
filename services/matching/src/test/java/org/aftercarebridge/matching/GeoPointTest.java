package org.aftercarebridge.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

  @Test
  void theSeriesArcsineAgreesWithTheLibraryWhereItIsUsed() {
    for (double x = 0; x < 0.01; x += 0.0000137) {
      assertThat(GeoPoint.arcsine(x)).isCloseTo(StrictMath.asin(x), within(Math.ulp(x) * 4 + 1e-300));
    }
    assertThat(GeoPoint.arcsine(0.5)).isEqualTo(Math.asin(0.5));
  }

  @Test
  void distancesNearAndFar() {
    GeoPoint methuen = new GeoPoint(42.7262, -71.1909);
    assertThat(methuen.kilometresTo(methuen)).isZero();
    assertThat(methuen.kilometresTo(new GeoPoint(42.7070, -71.1631))).isCloseTo(3.117, within(0.001));
    assertThat(methuen.kilometresTo(new GeoPoint(42.3601, -71.0589))).isCloseTo(42.1, within(0.1));
    // Boston to London, across the threshold of the series: the great circle is about 5,265 km.
    assertThat(new GeoPoint(42.3601, -71.0589).kilometresTo(new GeoPoint(51.5074, -0.1278))).isCloseTo(5265, within(5.0));
  }
}
