package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.platform.api.StoredText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Native statements on the report tables ({@code rpt_*}) inside another module's transaction. No
 * JPA entity maps these tables and they have no foreign keys, so they never need the persistence
 * context's pending changes: with the default AUTO flush mode EclipseLink would flush (and compute
 * the changes of every managed entity) before each of them, which made a distribution's cost grow
 * with the square of its invitations and added a flush to every statement of a submission.
 */
final class ReportSql {
  private ReportSql() {}

  static Query on(EntityManager em, String sql) {
    return em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
  }

  /**
   * Runs a write whose parameters may be null, on the transaction's own connection. EclipseLink
   * binds a null native-query parameter as VARCHAR, which PostgreSQL refuses for a number column; a
   * {@link Typed} parameter carries the column's type, so its null is bound as that type.
   */
  static int write(EntityManager em, String sql, Object... parameters) {
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        bind(statement, i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new PersistenceException("Report write failed: " + e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement statement, int index, Object parameter)
      throws SQLException {
    if (parameter instanceof Typed typed) {
      if (typed.value() == null) {
        statement.setNull(index, typed.sqlType());
      } else {
        statement.setObject(index, storable(typed.value()), typed.sqlType());
      }
    } else if (parameter == null) {
      throw new IllegalArgumentException("parameter " + index + " is null without a type");
    } else {
      statement.setObject(index, storable(parameter));
    }
  }

  private static Object storable(Object value) {
    return value instanceof String text ? StoredText.withoutNul(text) : value;
  }

  /** A parameter that may be null, with the SQL type of its column. */
  record Typed(Object value, int sqlType) {
    static Typed bigint(Long value) {
      return new Typed(value, Types.BIGINT);
    }

    static Typed integer(Integer value) {
      return new Typed(value, Types.INTEGER);
    }

    static Typed varchar(String value) {
      return new Typed(value, Types.VARCHAR);
    }
  }
}
