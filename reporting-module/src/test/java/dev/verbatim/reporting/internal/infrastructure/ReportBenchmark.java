package dev.verbatim.reporting.internal.infrastructure;

import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.RollupRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the report benchmark. Run with {@code mvn -q -DskipTests install && mvn -Pbenchmark
 * -pl reporting-module test}. Generates 100,000 responses (20,000 cases) into an on-disk embedded
 * Derby with the real migration scripts, builds the rollups the way the recompute does, times the
 * headline and segment queries the app runs; then grows the data to 1,000,000 responses (200,000
 * cases) and times them again.
 */
class ReportBenchmark {
  private static final long NOW = LocalDate.of(2026, 1, 1).toEpochDay() * RollupRules.DAY_MILLIS;
  private static final int SURVEYS = 10;
  private static final int TEAMS = 5;
  private static final int OWNERS = 20;
  private static final String[] REGIONS = {"EMEA", "APAC", "NA", "LATAM", "ANZ", "MEA"};
  private static final int RUNS = 200;
  private final Random random = new Random(42);
  private final List<String> surveys = new ArrayList<>();

  @Test
  void run() throws Exception {
    Path dir = Path.of("target", "benchmark-db");
    deleteRecursively(dir);
    System.setProperty("derby.system.home", dir.toAbsolutePath().toString());
    System.setProperty("derby.storage.pageCacheSize", "16000");
    try (Connection db = DriverManager.getConnection("jdbc:derby:reports;create=true")) {
      db.setAutoCommit(false);
      migrate(db);
      for (int s = 0; s < SURVEYS; s++) {
        surveys.add(uuid());
      }
      double[] p50 = new double[2];
      p50[0] = round(db, 100_000, 100_000)[0];
      p50[1] = round(db, 900_000, 1_000_000)[0];
      System.out.printf("headline p50 growth 100k -> 1M: x%.2f%n", p50[1] / p50[0]);
    }
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true");
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception
    }
  }

  private double[] round(Connection db, int add, int total) throws Exception {
    long t0 = System.nanoTime();
    generate(db, add);
    long t1 = System.nanoTime();
    RollupRecompute recompute = new RollupRecompute(db);
    recompute.replace(recompute.fromFacts());
    db.commit();
    long t2 = System.nanoTime();
    System.out.printf(
        "%,d responses: generated in %.1f s, rollups computed in %.1f s%n",
        total, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    ReportQueries q = new ReportQueries(db);
    ReportFilter oneSurvey =
        new ReportFilter(
            surveys.get(0), null, null, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
    double[] headline =
        time("headline, all surveys, all time", () -> q.headline(ReportFilter.ALL, NOW));
    time("headline, one survey, one quarter", () -> q.headline(oneSurvey, NOW));
    time("segments by region, all", () -> q.segments(ReportFilter.ALL, "region"));
    time("owners, one survey, one quarter", () -> q.byCaseColumn(oneSurvey, NOW, "owner_id"));
    return headline;
  }

  private static double[] time(String what, Callable<?> query) throws Exception {
    for (int i = 0; i < 20; i++) {
      query.call();
    }
    long[] took = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      query.call();
      took[i] = System.nanoTime() - t;
    }
    Arrays.sort(took);
    double p50 = took[RUNS / 2] / 1e6;
    double p99 = took[(int) Math.ceil(RUNS * 0.99) - 1] / 1e6;
    System.out.printf("  %-36s p50 %7.2f ms   p99 %7.2f ms%n", what, p50, p99);
    return new double[] {p50, p99};
  }

  private void generate(Connection db, int responses) throws SQLException {
    try (PreparedStatement inv =
            db.prepareStatement("INSERT INTO rpt_invitation VALUES (?, ?, ?, ?)");
        PreparedStatement resp =
            db.prepareStatement("INSERT INTO rpt_response VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement seg =
            db.prepareStatement("INSERT INTO rpt_contact_segment VALUES (?, ?, ?)");
        PreparedStatement cas =
            db.prepareStatement(
                "INSERT INTO rpt_case VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < responses; i++) {
        String contact = uuid();
        String survey = surveys.get(random.nextInt(SURVEYS));
        long submitted = NOW - (long) (random.nextDouble() * 365 * RollupRules.DAY_MILLIS);
        inv.setString(1, uuid());
        inv.setString(2, survey);
        inv.setString(3, contact);
        inv.setLong(4, submitted - 3_600_000);
        inv.addBatch();
        if (random.nextInt(4) == 0) {
          inv.setString(1, uuid());
          inv.setString(3, uuid());
          inv.addBatch();
        }
        seg.setString(1, contact);
        seg.setString(2, "region");
        seg.setString(3, REGIONS[random.nextInt(REGIONS.length)]);
        seg.addBatch();
        String responseId = uuid();
        int nps = random.nextInt(11);
        boolean comment = random.nextInt(5) == 0;
        resp.setString(1, responseId);
        resp.setString(2, survey);
        resp.setString(3, contact);
        resp.setLong(4, submitted);
        resp.setInt(5, nps);
        resp.setObject(6, random.nextBoolean() ? 1 + random.nextInt(5) : null);
        resp.setObject(7, random.nextInt(10) < 3 ? 1 + random.nextInt(7) : null);
        resp.setInt(8, comment ? 1 : 0);
        resp.addBatch();
        if (comment) {
          addCase(cas, responseId, survey, contact, nps, submitted);
        }
        if (i % 1_000 == 999) {
          inv.executeBatch();
          seg.executeBatch();
          resp.executeBatch();
          cas.executeBatch();
        }
        if (i % 20_000 == 19_999) {
          db.commit();
        }
      }
      inv.executeBatch();
      seg.executeBatch();
      resp.executeBatch();
      cas.executeBatch();
      db.commit();
    }
  }

  private void addCase(
      PreparedStatement cas, String responseId, String survey, String contact, int nps, long opened)
      throws SQLException {
    int owner = random.nextInt(OWNERS);
    long due = opened + (nps <= 6 ? 24 : 72) * 3_600_000L;
    boolean replied = random.nextInt(100) < 85;
    Long firstReply =
        replied ? opened + (long) (Math.exp(random.nextGaussian() * 1.5 + 8) * 1000) : null;
    boolean closed = replied && random.nextInt(100) < 80;
    Long closedAt =
        closed ? firstReply + (long) (Math.exp(random.nextGaussian() + 10) * 1000) : null;
    int p = 1;
    cas.setString(p++, uuid());
    cas.setString(p++, responseId);
    cas.setString(p++, survey);
    cas.setString(p++, contact);
    cas.setString(p++, "text_2");
    cas.setString(p++, "The delivery was late again and nobody called back");
    cas.setInt(p++, nps);
    cas.setString(p++, "team-" + owner % TEAMS);
    cas.setString(p++, "owner-" + owner);
    cas.setString(p++, closed ? "CLOSED" : "OPEN");
    cas.setString(p++, nps <= 6 ? "HIGH" : "NORMAL");
    cas.setLong(p++, opened);
    cas.setLong(p++, due);
    cas.setObject(p++, firstReply);
    cas.setObject(p++, closedAt);
    cas.setString(p++, closed ? "DELIVERY" : null);
    cas.setInt(p, 0);
    cas.addBatch();
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static void migrate(Connection db) throws SQLException, IOException {
    for (String script : new ReportingMigrations().scripts()) {
      try (InputStream in = ReportBenchmark.class.getClassLoader().getResourceAsStream(script);
          Statement st = db.createStatement()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
          String trimmed = line.strip();
          if (trimmed.isEmpty() || trimmed.startsWith("--")) {
            continue;
          }
          current.append(line).append('\n');
          if (trimmed.endsWith(";")) {
            String sql = current.toString().strip();
            st.execute(sql.substring(0, sql.length() - 1));
            current.setLength(0);
          }
        }
      }
    }
    db.commit();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
