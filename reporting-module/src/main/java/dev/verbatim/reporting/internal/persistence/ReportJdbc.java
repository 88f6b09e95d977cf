package dev.verbatim.reporting.internal.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC for report reads: dynamic filters, aggregates and streamed exports, without loading
 * entities.
 */
@ApplicationScoped
public class ReportJdbc {
  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  public interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  public <T> List<T> list(String sql, List<Object> params, RowReader<T> reader) {
    List<T> out = new ArrayList<>();
    each(sql, params, rs -> out.add(reader.read(rs)));
    return out;
  }

  public long count(String sql, List<Object> params) {
    List<Long> n = list(sql, params, rs -> rs.getLong(1));
    return n.isEmpty() ? 0 : n.get(0);
  }

  /** Runs the query and hands over each row as it comes from the database. */
  public void each(String sql, List<Object> params, RowConsumer consumer) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(500);
      for (int i = 0; i < params.size(); i++) {
        statement.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
    }
  }

  /** A nullable BIGINT/INTEGER column. */
  public static Long longOrNull(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public static Integer intOrNull(ResultSet rs, int column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
