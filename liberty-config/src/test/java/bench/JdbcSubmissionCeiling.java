package bench;

import dev.verbatim.followup.internal.infrastructure.FollowupMigrations;
import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.platform.internal.infrastructure.PlatformMigrations;
import dev.verbatim.reporting.internal.infrastructure.ReportingMigrations;
import dev.verbatim.survey.internal.infrastructure.SurveyMigrations;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import load.LoadResult;
import load.LoadRunner;
import load.Outcome;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The plain-JDBC ceiling: an embedded, on-disk Derby in this JVM ({@link #derby}) or a fresh
 * database on the benchmark's PostgreSQL cluster ({@link #postgresql}, dropped again on close),
 * built with the application's own migration scripts, and one transaction per submission writing
 * the rows the server writes for a scored answer with a comment in the customer's transaction: the
 * invitation read by token hash, response, two answers, the invitation marked answered, case, its
 * audit event, owner notification in the outbox, and the two module-event rows (the response and
 * the case) that reports apply after commit. No ORM, no HTTP, no rendering: what the database alone
 * allows.
 */
final class JdbcSubmissionCeiling implements AutoCloseable {
  private static final String COMMENT = "Load test comment 42: delivery was late again.";

  private final String url;
  private final Properties credentials;
  private final DataSource migrationSource;
  private final Runnable dispose;
  private final String surveyId = uuid();
  private final String ownerId = uuid();
  private final List<String> tokenHashes = new ArrayList<>();
  private final ThreadLocal<Connection> connections = new ThreadLocal<>();
  private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());

  private JdbcSubmissionCeiling(
      String url, Properties credentials, DataSource migrationSource, Runnable dispose) {
    this.url = url;
    this.credentials = credentials;
    this.migrationSource = migrationSource;
    this.dispose = dispose;
  }

  /** An embedded Derby in {@code directory}, created now, shut down on close. */
  static JdbcSubmissionCeiling derby(String directory) throws SQLException {
    String url = "jdbc:derby:" + directory;
    DriverManager.getConnection(url + ";create=true").close();
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName(directory);
    return new JdbcSubmissionCeiling(
        url,
        new Properties(),
        ds,
        () -> {
          try {
            DriverManager.getConnection(url + ";shutdown=true");
          } catch (SQLException expected) {
            // Derby reports a successful shutdown as an exception (08006)
          }
        });
  }

  /**
   * A new database {@code name} on the cluster of {@code pg} (url, user, password as
   * src/it/postgresql.sh writes them), dropped on close. Same cluster, same fsync settings as the
   * server's database.
   */
  static JdbcSubmissionCeiling postgresql(Properties pg, String name) throws SQLException {
    String base = pg.getProperty("url");
    String cluster = base.substring(0, base.lastIndexOf('/') + 1);
    Properties credentials = new Properties();
    credentials.setProperty("user", pg.getProperty("user"));
    credentials.setProperty("password", pg.getProperty("password", ""));
    String maintenance = cluster + "postgres";
    try (Connection db = DriverManager.getConnection(maintenance, credentials);
        java.sql.Statement s = db.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(cluster + name);
    ds.setUser(credentials.getProperty("user"));
    ds.setPassword(credentials.getProperty("password"));
    return new JdbcSubmissionCeiling(
        cluster + name,
        credentials,
        ds,
        () -> {
          try (Connection db = DriverManager.getConnection(maintenance, credentials);
              java.sql.Statement s = db.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
          } catch (SQLException e) {
            // a leftover database in the throwaway cluster, removed with target/postgresql
          }
        });
  }

  /** Creates the schema and {@code invitations} invitations to answer. */
  void prepare(int invitations) throws SQLException, IOException {
    migrate();
    try (Connection db = DriverManager.getConnection(url, credentials)) {
      db.setAutoCommit(false);
      long now = System.currentTimeMillis();
      String distributionId = uuid();
      exec(
          db,
          "INSERT INTO plt_staff_user (id, username, email, display_name, roles, password_hash,"
              + " active, created_at) VALUES (?, 'owner', 'owner@example.com', 'Owner', 'owner',"
              + " 'x', TRUE, ?)",
          ownerId,
          now);
      exec(
          db,
          "INSERT INTO svy_survey (id, title, status, created_at) VALUES (?, 'Load', 'PUBLISHED', ?)",
          surveyId,
          now);
      exec(
          db,
          "INSERT INTO svy_distribution (id, survey_id, created_at, invited, skipped) VALUES"
              + " (?, ?, ?, 0, 0)",
          distributionId,
          surveyId,
          now);
      try (PreparedStatement contact =
              db.prepareStatement(
                  "INSERT INTO svy_contact (id, email, email_key, name, created_at)"
                      + " VALUES (?, ?, ?, 'Customer', ?)");
          PreparedStatement invitation =
              db.prepareStatement(
                  "INSERT INTO svy_invitation (id, survey_id, distribution_id, contact_id,"
                      + " token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < invitations; i++) {
          String contactId = uuid();
          String email = "jdbc." + i + "@example.com";
          set(contact, contactId, email, email, now).addBatch();
          String hash = (uuid() + uuid()).replace("-", "").substring(0, 64);
          tokenHashes.add(hash);
          set(invitation, uuid(), surveyId, distributionId, contactId, hash, now).addBatch();
          if (i % 1000 == 999) {
            contact.executeBatch();
            invitation.executeBatch();
          }
        }
        contact.executeBatch();
        invitation.executeBatch();
      }
      db.commit();
    }
  }

  /** Submissions at {@code clients} threads, each with its own connection, over fresh tokens. */
  LoadResult run(int clients, ConcurrentLinkedQueue<String> hashes, int max, Duration time) {
    return LoadRunner.run("plain JDBC", clients, hashes, max, time, this::submit);
  }

  /** Every invitation's token hash, to hand out to the clients. */
  List<String> tokenHashes() {
    return tokenHashes;
  }

  private Outcome submit(String tokenHash) {
    long start = System.nanoTime();
    try {
      Connection db = connection();
      try {
        write(db, tokenHash);
        db.commit();
        return new Outcome(200, System.nanoTime() - start);
      } catch (SQLException e) {
        db.rollback();
        return new Outcome(500, System.nanoTime() - start);
      }
    } catch (SQLException e) {
      return new Outcome(Outcome.IO_ERROR, System.nanoTime() - start);
    }
  }

  private void write(Connection db, String tokenHash) throws SQLException {
    String invitationId;
    String contactId;
    try (PreparedStatement find =
        db.prepareStatement(
            "SELECT id, contact_id, answered_at FROM svy_invitation WHERE token_hash = ?")) {
      find.setString(1, tokenHash);
      try (ResultSet rs = find.executeQuery()) {
        rs.next();
        invitationId = rs.getString(1);
        contactId = rs.getString(2);
      }
    }
    long now = System.currentTimeMillis();
    String responseId = uuid();
    String caseId = uuid();
    int score = (tokenHash.hashCode() & 0x7fffffff) % 11;
    exec(
        db,
        "INSERT INTO svy_response (id, contact_id, invitation_id, started_at, status, submitted_at,"
            + " survey_id, version_no) VALUES (?, ?, ?, ?, 'COMPLETE', ?, ?, 1)",
        responseId,
        contactId,
        invitationId,
        now,
        now,
        surveyId);
    String answer =
        "INSERT INTO svy_answer (response_id, id, question_key, score, survey_id, text_value,"
            + " question_type) VALUES (?, ?, ?, ?, ?, ?, ?)";
    exec(db, answer, responseId, uuid(), "nps_1", score, surveyId, null, "NPS");
    exec(db, answer, responseId, uuid(), "text_2", null, surveyId, COMMENT, "TEXT");
    exec(db, "UPDATE svy_invitation SET answered_at = ? WHERE id = ?", now, invitationId);
    exec(
        db,
        "INSERT INTO fup_case (id, response_id, survey_id, contact_id, question_key, comment_text,"
            + " score, owner_id, routed_by, status, created_at, priority, due_at,"
            + " escalation_level, reply_token, reopened_count)"
            + " VALUES (?, ?, ?, ?, 'text_2', ?, ?, ?, 'FALLBACK', 'OPEN', ?, 'HIGH', ?, 0, ?, 0)",
        caseId,
        responseId,
        surveyId,
        contactId,
        COMMENT,
        score,
        ownerId,
        now,
        now + 86_400_000L,
        uuid().replace("-", ""));
    exec(
        db,
        "INSERT INTO fup_case_event (id, actor_id, occurred_at, case_id, detail, kind)"
            + " VALUES (?, NULL, ?, ?, 'Routed by FALLBACK', 'CREATED')",
        uuid(),
        now,
        caseId);
    String messageId = "<" + uuid() + "@verbatim>";
    exec(
        db,
        "INSERT INTO plt_outbox (id, attempts, created_at, html_body, kind, message_id,"
            + " next_attempt_at, recipient, recipient_name, subject, status, text_body)"
            + " VALUES (?, 0, ?, ?, 'CASE_ASSIGNED', ?, ?, 'owner@example.com', 'Owner',"
            + " 'New comment to answer', 'PENDING', ?)",
        uuid(),
        now,
        "<p>" + COMMENT + "</p>",
        messageId,
        now,
        "A customer wrote: " + COMMENT);
    String event =
        "INSERT INTO plt_event (event_id, listener, event_type, aggregate_id, payload, created_at,"
            + " attempts) VALUES (?, 'reporting', ?, ?, ?, ?, 0)";
    exec(
        db,
        event,
        uuid(),
        "survey.response-submitted",
        responseId,
        responsePayload(responseId, invitationId, contactId, score, now),
        now);
    exec(
        db,
        event,
        uuid(),
        "followup.case-changed",
        caseId,
        casePayload(caseId, responseId, contactId, score, now),
        now);
  }

  /** A ResponseSubmitted payload of the size the server writes for this answer. */
  private String responsePayload(
      String responseId, String invitationId, String contactId, int score, long now) {
    return "{\"answers\":[{\"comment\":false,\"questionKey\":\"nps_1\",\"score\":"
        + score
        + ",\"type\":\"NPS\"},{\"comment\":true,\"questionKey\":\"text_2\",\"type\":\"TEXT\"}],"
        + "\"contactId\":\""
        + contactId
        + "\",\"invitationId\":\""
        + invitationId
        + "\",\"responseId\":\""
        + responseId
        + "\",\"segments\":{},\"submittedAt\":"
        + now
        + ",\"surveyId\":\""
        + surveyId
        + "\",\"surveyVersion\":1}";
  }

  /** A CaseChanged payload (opened: no before) of the size the server writes. */
  private String casePayload(
      String caseId, String responseId, String contactId, int score, long now) {
    return "{\"after\":{\"caseId\":\""
        + caseId
        + "\",\"comment\":\""
        + COMMENT
        + "\",\"contactId\":\""
        + contactId
        + "\",\"dueAt\":"
        + (now + 86_400_000L)
        + ",\"escalationLevel\":0,\"openedAt\":"
        + now
        + ",\"ownerId\":\""
        + ownerId
        + "\",\"priority\":\"HIGH\",\"questionKey\":\"text_2\",\"responseId\":\""
        + responseId
        + "\",\"score\":"
        + score
        + ",\"status\":\"OPEN\",\"surveyId\":\""
        + surveyId
        + "\"},\"caseId\":\""
        + caseId
        + "\",\"kind\":\"CREATED\"}";
  }

  private Connection connection() throws SQLException {
    Connection db = connections.get();
    if (db == null) {
      db = DriverManager.getConnection(url, credentials);
      db.setAutoCommit(false);
      db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connections.set(db);
      opened.add(db);
    }
    return db;
  }

  @Override
  public void close() {
    synchronized (opened) {
      for (Connection db : opened) {
        try {
          db.close();
        } catch (SQLException ignored) {
          // closing after the run; nothing to keep
        }
      }
    }
    dispose.run();
  }

  private static int exec(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      return set(statement, parameters).executeUpdate();
    }
  }

  private static PreparedStatement set(PreparedStatement statement, Object... parameters)
      throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /** Every module's schema, as the application migrates it at start-up. */
  private void migrate() {
    new ModuleMigrator(
            migrationSource,
            List.of(
                new PlatformMigrations(),
                new SurveyMigrations(),
                new FollowupMigrations(),
                new ReportingMigrations()))
        .migrate();
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
