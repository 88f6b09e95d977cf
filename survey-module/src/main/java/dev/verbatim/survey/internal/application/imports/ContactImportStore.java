package dev.verbatim.survey.internal.application.imports;

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

/** The import jobs table ({@code svy_contact_import}) and its first row problems, over JDBC. */
@ApplicationScoped
public class ContactImportStore {
  public static final int MAX_ERRORS = 200;

  @Resource(lookup = "jdbc/verbatim")
  DataSource dataSource;

  public void insert(String id, String fileName, String mapping, long now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO svy_contact_import (id, file_name, status, mapping_text, total_rows,"
                    + " processed, created_count, updated_count, rejected_count, created_at)"
                    + " VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, ?)")) {
      insert.setString(1, id);
      insert.setString(2, clip(fileName, 200));
      insert.setString(3, ImportStatus.QUEUED);
      insert.setString(4, clip(mapping, 1000));
      insert.setLong(5, now);
      insert.executeUpdate();
    }
  }

  public void started(String id, int total) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE svy_contact_import SET status = ?, total_rows = ? WHERE id = ?")) {
      update.setString(1, ImportStatus.RUNNING);
      update.setInt(2, total);
      update.setString(3, id);
      update.executeUpdate();
    }
  }

  public void finished(String id, String status, String problem, long now) throws SQLException {
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
  }

  /** Jobs a stopped server left unfinished; they do not resume (the upload is gone). */
  public int failUnfinished(String reason, long now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE svy_contact_import SET status = ?, problem = ?, finished_at = ?"
                    + " WHERE status IN (?, ?)")) {
      update.setString(1, ImportStatus.FAILED);
      update.setString(2, reason);
      update.setLong(3, now);
      update.setString(4, ImportStatus.QUEUED);
      update.setString(5, ImportStatus.RUNNING);
      return update.executeUpdate();
    }
  }

  /** Counts and row problems of one batch, in the caller's (the batch's) transaction. */
  void recordBatch(
      Connection c,
      String id,
      int processed,
      int created,
      int updated,
      int rejected,
      List<RowProblem> problems,
      int firstSeq)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE svy_contact_import SET processed = processed + ?,"
                + " created_count = created_count + ?, updated_count = updated_count + ?,"
                + " rejected_count = rejected_count + ? WHERE id = ?")) {
      update.setInt(1, processed);
      update.setInt(2, created);
      update.setInt(3, updated);
      update.setInt(4, rejected);
      update.setString(5, id);
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

  public Optional<ImportStatus> find(String id) throws SQLException {
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
}
