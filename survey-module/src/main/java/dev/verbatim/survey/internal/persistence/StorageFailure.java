package dev.verbatim.survey.internal.persistence;

import java.sql.SQLException;

/**
 * A JDBC statement of the survey module failed; the {@link SQLException} is the cause. Lets the
 * services handle a failed write without knowing JDBC.
 */
public class StorageFailure extends RuntimeException {
  public StorageFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
