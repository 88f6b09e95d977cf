package dev.verbatim.survey.internal.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes noted link opens ({@link dev.verbatim.survey.internal.application.LinkOpenings}) in one
 * transaction of their own.
 */
@ApplicationScoped
public class OpenedAtWriter {
  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  /** {@code openedAt}: invitation id to the time its link was first followed. */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = SQLException.class)
  public void write(Map<String, Long> openedAt) {
    translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE svy_invitation SET opened_at = ? WHERE id = ? AND opened_at IS NULL")) {
            for (Map.Entry<String, Long> open : openedAt.entrySet()) {
              update.setLong(1, open.getValue());
              update.setString(2, open.getKey());
              update.addBatch();
            }
            update.executeBatch();
          }
          return null;
        });
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  private static <T> T translating(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new StorageFailure(e);
    }
  }
}
