package org.aftercarebridge.referral;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The WHERE clause of a search: each criterion given is added with its parameter, the absent ones left out. */
public final class SqlWhere {

  private final StringBuilder sql = new StringBuilder(" where 1 = 1");
  private final List<Object> params = new ArrayList<>();

  /** Adds {@code clause} (with one {@code ?}) when {@code value} is not null. */
  public SqlWhere and(String clause, Object value) {
    if (value != null) {
      sql.append(" and ").append(clause);
      params.add(value);
    }
    return this;
  }

  /** Adds {@code clause} with as many {@code ?} as values, always. */
  public SqlWhere andAll(String clause, List<?> values) {
    sql.append(" and ").append(clause);
    params.addAll(values);
    return this;
  }

  /** Adds {@code column in (…)} when there are values. */
  public SqlWhere andIn(String column, Collection<?> values) {
    if (values != null && !values.isEmpty()) {
      sql.append(" and ").append(column).append(" in (").append(String.join(", ", values.stream().map(v -> "?").toList())).append(")");
      params.addAll(values);
    }
    return this;
  }

  public String sql() {
    return sql.toString();
  }

  public List<Object> params() {
    return List.copyOf(params);
  }

  /** The parameters followed by a page's {@code limit ? offset ?}. */
  public List<Object> paramsAndPage(int count, int offset) {
    List<Object> all = new ArrayList<>(params);
    all.add(count);
    all.add(offset);
    return all;
  }
}
