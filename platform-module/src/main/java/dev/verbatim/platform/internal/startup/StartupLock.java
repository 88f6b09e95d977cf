package dev.verbatim.platform.internal.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Lets one server at a time run start-up (migrations, first admin, keys, demo data) on a shared
 * PostgreSQL: a session advisory lock held on a connection of its own until {@link Held#close()}.
 * Another server starting meanwhile waits, then finds the work done. Embedded Derby is opened by
 * one server only, so there it locks nothing.
 */
public final class StartupLock {
  private static final Logger LOG = Logger.getLogger(StartupLock.class.getName());

  /** "VERBATIM" in ASCII: any constant works, as long as every server uses the same. */
  static final long KEY = 0x5645524241544D4CL;

  private StartupLock() {}

  /** A held lock; closing it releases the lock and its connection. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  public static Held acquire(DataSource dataSource) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql")) {
        connection.close();
        return () -> {};
      }
      if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
        LOG.info("Another server is starting on this database: waiting for it to finish");
        // pg_advisory_lock returns void, which the driver hands over as "" (not a boolean):
        // wait for the lock without reading the result.
        try (PreparedStatement wait = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
          wait.setLong(1, KEY);
          wait.execute();
        }
      }
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return () -> release(connection);
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void release(Connection connection) {
    try (connection) {
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        statement.setLong(1, KEY);
        statement.execute();
      }
    } catch (SQLException e) {
      // closing the session releases the lock as well
      LOG.fine(() -> "Releasing the start-up lock: " + e.getMessage());
    }
  }
}
