package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.application.imports.ImportStatus;
import dev.verbatim.survey.internal.application.imports.RowProblem;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The import jobs table ({@code svy_contact_import}) and its first row problems, over JDBC. An
 * unfinished import names its server instance ({@code owner_id}) and carries that server's last
 * heartbeat ({@code heartbeat_at}), so servers sharing the database fail only imports whose server
 * stopped ({@link #failStale}), never one another's running imports.
 */
@ApplicationScoped
public class ContactImportStore {
  public static final int MAX_ERRORS = 200;

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  /** A queued import of the server instance {@code owner}, alive as of {@code now}. */
  public void insert(String id, String fileName, String mapping, String owner, long now) {
    translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO svy_contact_import (id, file_name, status, mapping_text, total_rows,"
                          + " processed, created_count, updated_count, rejected_count, created_at,"
                          + " owner_id, heartbeat_at)"
                          + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, clip(fileName, 200));
            insert.setString(3, ImportStatus.QUEUED);
            insert.setString(4, clip(mapping, 1000));
            insert.setLong(5, now);
            insert.setString(6, owner);
            insert.setLong(7, now);
            insert.executeUpdate();
          }
          return null;
        });
  }

  public void started(String id, int total, long now) {
    translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE svy_contact_import SET status = ?, total_rows = ?, heartbeat_at = ?"
                          + " WHERE id = ?")) {
            update.setString(1, ImportStatus.RUNNING);
            update.setInt(2, total);
            update.setLong(3, now);
            update.setString(4, id);
            update.executeUpdate();
          }
          return null;
        });
  }

  /** Renews the heartbeat of every unfinished import of the server instance {@code owner}. */
  public int heartbeat(String owner, long now) {
    return translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE svy_contact_import SET heartbeat_at = ?"
                          + " WHERE owner_id = ? AND status IN (?, ?)")) {
            update.setLong(1, now);
            update.setString(2, owner);
            update.setString(3, ImportStatus.QUEUED);
            update.setString(4, ImportStatus.RUNNING);
            return update.executeUpdate();
          }
        });
  }

  public void finished(String id, String status, String problem, long now) {
    translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE svy_contact_import SET status = ?, problem = ?, finished_at = ?"
                          + " WHERE id = ?")) {
            update.setString(1, status);
            if (problem == null) {
              update.setNull(2, Types.VARCHAR);
            } else {
              update.setString(2, clip(problem, 1000));
            }
            update.setLong(3, now);
            update.setString(4, id);
            update.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Fails the unfinished imports whose server stopped: no heartbeat since {@code staleBefore} (an
   * import from before heartbeats counts from its creation). They do not resume (the upload is
   * gone). Imports of live servers, this one's and others', are left alone.
   */
  public int failStale(String reason, long staleBefore, long now) {
    return translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement update =
                  c.prepareStatement(
                      "UPDATE svy_contact_import SET status = ?, problem = ?, finished_at = ?"
                          + " WHERE status IN (?, ?) AND COALESCE(heartbeat_at, created_at) < ?")) {
            update.setString(1, ImportStatus.FAILED);
            update.setString(2, clip(reason, 1000));
            update.setLong(3, now);
            update.setString(4, ImportStatus.QUEUED);
            update.setString(5, ImportStatus.RUNNING);
            update.setLong(6, staleBefore);
            return update.executeUpdate();
          }
        });
  }

  /**
   * Counts and row problems of one batch, in the caller's (the batch's) transaction; the batch is
   * also a heartbeat.
   */
  void recordBatch(
      Connection c,
      String id,
      int processed,
      int created,
      int updated,
      int rejected,
      List<RowProblem> problems,
      int firstSeq,
      long now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE svy_contact_import SET processed = processed + ?,"
                + " created_count = created_count + ?, updated_count = updated_count + ?,"
                + " rejected_count = rejected_count + ?, heartbeat_at = ? WHERE id = ?")) {
      update.setInt(1, processed);
      update.setInt(2, created);
      update.setInt(3, updated);
      update.setInt(4, rejected);
      update.setLong(5, now);
      update.setString(6, id);
      update.executeUpdate();
    }
    if (problems.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO svy_contact_import_error (import_id, seq, line_no, column_name, reason)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int seq = firstSeq;
      for (RowProblem p : problems) {
        insert.setString(1, id);
        insert.setInt(2, seq++);
        insert.setInt(3, p.line());
        insert.setString(4, clip(p.column(), 200));
        insert.setString(5, clip(p.reason(), 500));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  public Optional<ImportStatus> find(String id) {
    return translating(
        () -> {
          try (Connection c = dataSource.getConnection();
              PreparedStatement select =
                  c.prepareStatement(
                      "SELECT file_name, status, mapping_text, total_rows, processed, created_count,"
                          + " updated_count, rejected_count, problem, created_at, finished_at"
                          + " FROM svy_contact_import WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
              if (!row.next()) {
                return Optional.empty();
              }
              long finishedAt = row.getLong(11);
              Long finished = row.wasNull() ? null : finishedAt;
              return Optional.of(
                  new ImportStatus(
                      id,
                      row.getString(1),
                      row.getString(2),
                      row.getString(3),
                      row.getInt(4),
                      row.getInt(5),
                      row.getInt(6),
                      row.getInt(7),
                      row.getInt(8),
                      row.getString(9),
                      row.getLong(10),
                      finished,
                      errors(c, id)));
            }
          }
        });
  }

  private static List<RowProblem> errors(Connection c, String id) throws SQLException {
    List<RowProblem> errors = new ArrayList<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT line_no, column_name, reason FROM svy_contact_import_error"
                + " WHERE import_id = ? ORDER BY seq")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          errors.add(new RowProblem(row.getInt(1), row.getString(2), row.getString(3)));
        }
      }
    }
    return errors;
  }

  static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
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
