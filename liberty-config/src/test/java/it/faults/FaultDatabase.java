package it.faults;

import dev.verbatim.reporting.internal.persistence.RollupRecompute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server's database read through JDBC from the test JVM: the Derby files once the server has
 * stopped (embedded Derby lets one JVM in at a time), or the PostgreSQL database at any time. What
 * the checks below count is what was stored, not what any client believes.
 */
public final class FaultDatabase implements AutoCloseable {
  private final TestDatabase database;
  private final Connection connection;

  private FaultDatabase(TestDatabase database) throws SQLException {
    this.database = database;
    this.connection = database.connect();
  }

  public static FaultDatabase open(TestDatabase database) {
    try {
      return new FaultDatabase(database);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + database.describe(), e);
    }
  }

  /** The stored hash of a personal link's token (the application keeps only this). */
  public static String tokenHash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Complete responses per invitation token hash, for one survey. */
  public Map<String, Integer> completeResponsesByTokenHash(String surveyId) {
    Map<String, Integer> counts = new HashMap<>();
    query(
        "SELECT i.token_hash, COUNT(r.id) FROM svy_response r JOIN svy_invitation i ON i.id ="
            + " r.invitation_id WHERE r.survey_id = ? AND r.status = 'COMPLETE' GROUP BY"
            + " i.token_hash",
        List.of(surveyId),
        rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  public long count(String sql, Object... parameters) {
    long[] result = new long[1];
    query(sql, List.of(parameters), rs -> result[0] = rs.getLong(1));
    return result[0];
  }

  /** Message-IDs of the outbox rows in each status. */
  public Map<String, Set<String>> outboxMessageIdsByStatus() {
    Map<String, Set<String>> ids = new HashMap<>();
    query(
        "SELECT status, message_id FROM plt_outbox",
        List.of(),
        rs -> ids.computeIfAbsent(rs.getString(1), s -> new HashSet<>()).add(rs.getString(2)));
    return ids;
  }

  public List<String> strings(String sql, Object... parameters) {
    List<String> values = new ArrayList<>();
    query(sql, List.of(parameters), rs -> values.add(rs.getString(1)));
    return values;
  }

  /** The rollups as kept from the event log next to the same rollups recomputed from the facts. */
  public List<RollupRecompute.Comparison> rollupsAgainstFacts() {
    try {
      RollupRecompute recompute = new RollupRecompute(connection);
      return recompute.compare(recompute.fromFacts());
    } catch (SQLException e) {
      throw new IllegalStateException("recomputing the rollups", e);
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, List<Object> parameters, RowReader reader) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs one UPDATE (or other statement without results); returns the rows it changed. */
  public int update(String sql, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Closes; a Derby database is also shut down, so the server can open it again. */
  @Override
  public void close() {
    try {
      connection.close();
      if (!(database instanceof TestDatabase.Derby derby)) {
        return;
      }
      String url = "jdbc:derby:" + derby.directory().toAbsolutePath();
      DriverManager.getConnection(url + ";shutdown=true").close();
    } catch (SQLException expected) {
      // Derby reports a successful shutdown as SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        throw new IllegalStateException("shutting down " + database.describe(), expected);
      }
    }
  }
}
