package dev.verbatim.reporting.internal.persistence;

import dev.verbatim.platform.internal.infrastructure.ModuleMigrator;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.domain.RollupRules;
import dev.verbatim.reporting.internal.domain.RollupTable;
import dev.verbatim.reporting.internal.infrastructure.ReportingMigrations;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the report benchmark. Run with {@code mvn -q -DskipTests install && mvn -Pbenchmark
 * -pl reporting-module test}. Generates 100,000 responses (20,000 cases) into an on-disk embedded
 * Derby with the real migration scripts (bulk import from CSV), builds the rollups the way the
 * recompute does, times the headline and segment queries the app runs; then replaces the data with
 * 1,000,000 responses (200,000 cases) and times them again.
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
    System.setProperty("derby.system.durability", "test");
    DriverManager.getConnection("jdbc:derby:reports;create=true").close();
    migrate("reports");
    try (Connection db = DriverManager.getConnection("jdbc:derby:reports")) {
      db.setAutoCommit(false);
      for (int s = 0; s < SURVEYS; s++) {
        surveys.add(uuid());
      }
      double[] small = round(db, 100_000);
      double[] large = round(db, 1_000_000);
      db.commit();
      System.out.printf(
          "p50 growth 100k -> 1M: headline all x%.2f, headline one survey x%.2f, segments x%.2f%n",
          large[0] / small[0], large[1] / small[1], large[2] / small[2]);
    }
    try {
      DriverManager.getConnection("jdbc:derby:;shutdown=true");
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception
    }
  }

  /** A fresh data set of {@code total} responses (the import replaces the previous one). */
  private double[] round(Connection db, int total) throws Exception {
    long t0 = System.nanoTime();
    long rows = generate(db, total);
    long t1 = System.nanoTime();
    RollupRecompute recompute = new RollupRecompute(db);
    recompute.replace(recompute.fromFacts());
    db.commit();
    long t2 = System.nanoTime();
    System.out.printf(
        "%,d responses: %,d fact rows generated and loaded in %.1f s (%,.0f rows/s),"
            + " rollups computed in %.1f s%n",
        total, rows, (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e9), (t2 - t1) / 1e9);
    printRollupSizes(db);
    ReportQueries q = new ReportQueries(db);
    ReportFilter oneSurvey =
        new ReportFilter(
            surveys.get(0), null, null, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31));
    double all = time("headline, all surveys, all time", () -> q.headline(ReportFilter.ALL, NOW));
    double one = time("headline, one survey, one quarter", () -> q.headline(oneSurvey, NOW));
    double seg = time("segments by region, all time", () -> q.segments(ReportFilter.ALL, "region"));
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        "  heap used after GC %d MB of %d MB committed%n",
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20);
    return new double[] {all, one, seg};
  }

  private static void printRollupSizes(Connection db) throws SQLException {
    StringBuilder sizes = new StringBuilder("  rollup rows:");
    for (RollupTable t : RollupTable.values()) {
      try (Statement st = db.createStatement();
          var rs = st.executeQuery("SELECT COUNT(*) FROM " + t.table)) {
        rs.next();
        sizes.append(String.format(" %s %,d", t.table, rs.getLong(1)));
      }
    }
    System.out.println(sizes);
  }

  private static double time(String what, Callable<?> query) throws Exception {
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
    return p50;
  }

  /**
   * Writes the facts to CSV files and bulk-loads them with Derby's import procedure, which replaces
   * the table's rows and rebuilds its indexes once instead of inserting row by row. Plain writers:
   * the values are ids, numbers and one fixed comment without commas or quotes, and Derby's import
   * wants neither a byte order mark nor formula neutralising (so not SafeCsvWriter).
   */
  private long generate(Connection db, int responses) throws IOException, SQLException {
    Path dir = Path.of("target", "benchmark-csv");
    Files.createDirectories(dir);
    Path invPath = dir.resolve("invitation.csv");
    Path segPath = dir.resolve("segment.csv");
    Path respPath = dir.resolve("response.csv");
    Path casePath = dir.resolve("case.csv");
    long rows = 0;
    try (Writer inv = Files.newBufferedWriter(invPath);
        Writer seg = Files.newBufferedWriter(segPath);
        Writer resp = Files.newBufferedWriter(respPath);
        Writer cas = Files.newBufferedWriter(casePath)) {
      for (int i = 0; i < responses; i++) {
        String contact = uuid();
        String survey = surveys.get(random.nextInt(SURVEYS));
        long submitted = NOW - (long) (random.nextDouble() * 365 * RollupRules.DAY_MILLIS);
        line(inv, uuid(), survey, contact, submitted - 3_600_000);
        rows++;
        if (random.nextInt(4) == 0) {
          line(inv, uuid(), survey, uuid(), submitted - 3_600_000);
          rows++;
        }
        line(seg, contact, "region", REGIONS[random.nextInt(REGIONS.length)]);
        String responseId = uuid();
        int nps = random.nextInt(11);
        boolean comment = random.nextInt(5) == 0;
        line(
            resp,
            responseId,
            survey,
            contact,
            submitted,
            nps,
            random.nextBoolean() ? 1 + random.nextInt(5) : null,
            random.nextInt(10) < 3 ? 1 + random.nextInt(7) : null,
            comment ? 1 : 0);
        rows += 2;
        if (comment) {
          addCase(cas, responseId, survey, contact, nps, submitted);
          rows++;
        }
      }
    }
    long written = System.nanoTime();
    for (String[] load :
        List.of(
            new String[] {"RPT_INVITATION", invPath.toString()},
            new String[] {"RPT_CONTACT_SEGMENT", segPath.toString()},
            new String[] {"RPT_RESPONSE", respPath.toString()},
            new String[] {"RPT_CASE", casePath.toString()})) {
      try (CallableStatement call =
          db.prepareCall(
              "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(null, ?, ?, null, null, 'UTF-8', 1)")) {
        call.setString(1, load[0]);
        call.setString(2, Path.of(load[1]).toAbsolutePath().toString());
        call.execute();
      }
      db.commit();
      System.out.printf(
          "  %s imported after %.1f s%n", load[0], (System.nanoTime() - written) / 1e9);
    }
    return rows;
  }

  /** One CSV line; null is written as an empty field, which Derby's import reads as NULL. */
  private static void line(Writer out, Object... values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      if (values[i] != null) {
        out.write(values[i].toString());
      }
    }
    out.write('\n');
  }

  private void addCase(
      Writer cas, String responseId, String survey, String contact, int nps, long opened)
      throws IOException {
    int owner = random.nextInt(OWNERS);
    long due = opened + (nps <= 6 ? 24 : 72) * 3_600_000L;
    boolean replied = random.nextInt(100) < 85;
    Long firstReply =
        replied ? opened + (long) (Math.exp(random.nextGaussian() * 1.5 + 8) * 1000) : null;
    boolean closed = replied && random.nextInt(100) < 80;
    Long closedAt =
        closed ? firstReply + (long) (Math.exp(random.nextGaussian() + 10) * 1000) : null;
    line(
        cas,
        uuid(),
        responseId,
        survey,
        contact,
        "text_2",
        "The delivery was late again and nobody called back",
        nps,
        "team-" + owner % TEAMS,
        "owner-" + owner,
        closed ? "CLOSED" : "OPEN",
        nps <= 6 ? "HIGH" : "NORMAL",
        opened,
        due,
        firstReply,
        closedAt,
        closed ? "DELIVERY" : null,
        0);
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** The reporting module's schema, as the application migrates it (Flyway, its own history). */
  private static void migrate(String databaseName) {
    EmbeddedDataSource ds = new EmbeddedDataSource();
    ds.setDatabaseName(databaseName);
    new ModuleMigrator(ds, List.of(new ReportingMigrations())).migrate();
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
