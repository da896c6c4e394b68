package org.ringplatform.store.stock.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Native SQL on the shared datasource {@code jdbc/ring}, in the caller's JTA transaction, with
 * numbered parameters ({@code ?1}, {@code ?2}) and results shaped like JPA native queries (a list
 * of values for one column, of arrays for several).
 *
 * <p>Why not the EntityManager: once EclipseLink has written in a transaction it keeps its
 * connection busy until the commit, so every plain JDBC call after that (the ledger, the payment
 * conductor) needs a second connection from the pool, and enough concurrent transactions waiting
 * for that second connection exhaust the pool for good. Plain JDBC handles are closed after each
 * statement and share the transaction's one connection, so the store, the ledger and the payment
 * work of a checkout hold a single connection; the store calls the EntityManager-based services
 * (notices) last.
 */
public final class Sql {

  private static final Pattern PARAMETER = Pattern.compile("\\?(\\d+)");

  private final DataSource dataSource;

  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A statement to run. */
  public Statement query(String sql) {
    // Not cached: some statements carry literal id lists, so their texts do not repeat.
    return new Statement(parse(sql));
  }

  /** The statement with JDBC placeholders and, for each, the number it had. */
  private record Parsed(String jdbc, int[] order) {}

  private static Parsed parse(String sql) {
    Matcher m = PARAMETER.matcher(sql);
    StringBuilder out = new StringBuilder();
    List<Integer> order = new ArrayList<>();
    while (m.find()) {
      order.add(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return new Parsed(out.toString(), order.stream().mapToInt(Integer::intValue).toArray());
  }

  /** One statement with its parameters. */
  public final class Statement {
    private final Parsed parsed;
    private final Map<Integer, Object> params = new HashMap<>();

    private Statement(Parsed parsed) {
      this.parsed = parsed;
    }

    public Statement setParameter(int number, Object value) {
      params.put(number, value);
      return this;
    }

    private PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement ps = c.prepareStatement(parsed.jdbc());
      for (int i = 0; i < parsed.order().length; i++) {
        int number = parsed.order()[i];
        if (!params.containsKey(number)) {
          ps.close();
          throw new IllegalArgumentException("No value for ?" + number);
        }
        ps.setObject(i + 1, params.get(number));
      }
      return ps;
    }

    /** The rows: a list of values for a single column, of arrays for several. */
    @SuppressWarnings("rawtypes")
    public List getResultList() {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = prepare(c);
          ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<Object> rows = new ArrayList<>();
        while (rs.next()) {
          if (columns == 1) {
            rows.add(rs.getObject(1));
          } else {
            Object[] row = new Object[columns];
            for (int i = 0; i < columns; i++) {
              row[i] = rs.getObject(i + 1);
            }
            rows.add(row);
          }
        }
        return rows;
      } catch (SQLException e) {
        throw new IllegalStateException("Statement failed: " + e.getMessage(), e);
      }
    }

    /** The first row's value (or values); fails when there is none. */
    public Object getSingleResult() {
      List<?> rows = getResultList();
      if (rows.isEmpty()) {
        throw new IllegalStateException("No row for: " + parsed.jdbc());
      }
      return rows.get(0);
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int executeUpdate() {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = prepare(c)) {
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("Statement failed: " + e.getMessage(), e);
      }
    }
  }
}
