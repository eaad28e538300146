package org.aftercarebridge.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, searchable snapshot of the directory for matching: groups that meet at a place are
 * bucketed in a latitude/longitude grid so that a search looks at the neighbourhood, not the
 * country; groups one can join from anywhere are kept in {@link Timetable}s. Built once per
 * directory change.
 */
public final class PeerGroupIndex {

  /** Grid cell edge in degrees (about 28 km of latitude). */
  private static final double CELL_DEGREES = 0.25;
  private static final double KM_PER_DEGREE_LATITUDE = 111.2;

  private final Map<Long, List<PeerGroup>> placed = new HashMap<>();
  private final Timetable online;
  private final Timetable oneOnOne;
  private final int size;

  public PeerGroupIndex(Collection<PeerGroup> groups) {
    List<PeerGroup> online = new ArrayList<>();
    List<PeerGroup> oneOnOne = new ArrayList<>();
    for (PeerGroup group : groups) {
      if (group.placed()) {
        placed.computeIfAbsent(cell(row(group.location().latitude()), column(group.location().longitude())), k -> new ArrayList<>())
            .add(group);
      }
      if (group.format().reachableOnline()) {
        online.add(group);
      }
      if (group.traits().contains(Trait.ONE_ON_ONE)) {
        oneOnOne.add(group);
      }
    }
    this.online = new Timetable(online);
    this.oneOnOne = new Timetable(oneOnOne);
    size = groups.size();
  }

  public int size() {
    return size;
  }

  /** Groups that can be joined online (online and hybrid). */
  Timetable online() {
    return online;
  }

  /** One-on-one peer supporters, wherever they are. */
  Timetable oneOnOne() {
    return oneOnOne;
  }

  /** Calls {@code visitor} with each placed group within {@code km} of {@code from} and its distance. */
  void placedWithin(GeoPoint from, double km, PlacedVisitor visitor) {
    double latSpan = km / KM_PER_DEGREE_LATITUDE;
    double cos = Math.max(Math.cos(Math.toRadians(from.latitude())), 0.01);
    double lonSpan = Math.min(km / (KM_PER_DEGREE_LATITUDE * cos), 180);
    int rowFrom = row(from.latitude() - latSpan);
    int rowTo = row(from.latitude() + latSpan);
    int colFrom = column(from.longitude() - lonSpan);
    int colTo = column(from.longitude() + lonSpan);
    int columns = (int) Math.round(360 / CELL_DEGREES);
    boolean wholeCircle = colTo - colFrom + 1 >= columns;
    for (int r = rowFrom; r <= rowTo; r++) {
      for (int c = wholeCircle ? 0 : colFrom; c <= (wholeCircle ? columns - 1 : colTo); c++) {
        List<PeerGroup> bucket = placed.get(cell(r, Math.floorMod(c, columns)));
        if (bucket == null) {
          continue;
        }
        for (PeerGroup group : bucket) {
          double distance = from.kilometresTo(group.location());
          if (distance <= km) {
            visitor.visit(group, distance);
          }
        }
      }
    }
  }

  private static int row(double latitude) {
    return (int) Math.floor((latitude + 90) / CELL_DEGREES);
  }

  private static int column(double longitude) {
    return (int) Math.floor((longitude + 180) / CELL_DEGREES);
  }

  private static long cell(int row, int column) {
    return ((long) row << 32) | (column & 0xffffffffL);
  }

  @FunctionalInterface
  interface PlacedVisitor {
    void visit(PeerGroup group, double km);
  }
}
