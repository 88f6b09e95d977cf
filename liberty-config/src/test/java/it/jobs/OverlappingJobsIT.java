package it.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.followup.internal.application.FollowupSetupService;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.NewStaffUser;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.internal.infrastructure.JobLeaseRows;
import dev.verbatim.reporting.internal.application.DigestService;
import dev.verbatim.reporting.internal.domain.DigestSchedule;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.DistributionService;
import dev.verbatim.survey.internal.application.ReminderService;
import dev.verbatim.survey.internal.application.SurveyService;
import dev.verbatim.survey.internal.application.imports.ContactImportService;
import dev.verbatim.survey.internal.application.imports.ImportStatus;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.domain.SurveyDraft;
import dev.verbatim.survey.internal.domain.SurveyDraft.QuestionDraft;
import dev.verbatim.survey.internal.persistence.ContactImportStore;
import it.guarantee.EntityManagerForTests;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several servers share one database, so every scheduled job runs on several at once. Two or more
 * runs of a job started together on managed threads, each in its own transaction against the same
 * database, stand in for two servers: the work is done exactly once, and the losers say nothing (no
 * exception reaches the caller).
 */
@ExtendWith(ArquillianExtension.class)
class OverlappingJobsIT {
  /**
   * Derby reads without row locks, so a scan of the outbox never waits for the drainer's lease;
   * PostgreSQL's reads never wait (and know no WITH UR).
   */
  private static final String NO_LOCKS =
      String.valueOf(System.getenv("VERBATIM_DB_URL")).startsWith("jdbc:postgresql:")
          ? ""
          : " WITH UR";

  private static final int INVITATIONS = 100;
  private static final int SERVERS = 3;
  private static final int DIGEST_TRIALS = 8;

  @Deployment
  static WebArchive verbatim() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addClass(OverlappingJobsIT.class)
        .addClass(EntityManagerForTests.class);
  }

  @Inject JobLeaseRows leaseRows;
  @Inject ReminderService reminders;
  @Inject DigestService digests;
  @Inject ContactImportService imports;
  @Inject ContactImportStore importStore;
  @Inject DistributionService distributions;
  @Inject SurveyService surveys;
  @Inject ContactService contacts;
  @Inject FollowupSetupService followupSetup;
  @Inject StaffDirectory staff;
  @Inject EntityManager em;
  @Inject UserTransaction tx;

  @Test
  void overlappingReminderRunsRemindEachCustomerOnce() throws Exception {
    String tag = unique();
    String surveyId = publishedSurvey(tag);
    List<String> contactIds = new ArrayList<>();
    for (int i = 0; i < INVITATIONS; i++) {
      contactIds.add(
          contacts.save(new ContactInput(email(i, tag), "Customer " + i, Map.of())).contact().id());
    }
    distributions.send(surveyId, contactIds);
    // Invited 40 days ago and reminded as of 36 days ago: due then, while every other test's
    // invitations (invited today) are not, and these links are dead today, so the application's
    // own reminder timer never touches them.
    long today = System.currentTimeMillis();
    long invitedAt = today - Duration.ofDays(40).toMillis();
    long now = today - Duration.ofDays(36).toMillis();
    backdateInvitations(surveyId, invitedAt);

    List<Integer> counts = concurrently(() -> reminders.sendDue(now));

    assertEquals(
        INVITATIONS,
        counts.stream().mapToInt(Integer::intValue).sum(),
        "the runs' counts add up to one reminder per invitation: " + counts);
    Map<String, Long> perAddress = remindersPerAddress(tag);
    assertEquals(INVITATIONS, perAddress.size(), "every customer got a reminder");
    perAddress.forEach((address, n) -> assertEquals(1L, n, "reminders queued for " + address));
    assertEquals(
        (long) INVITATIONS,
        count(
            "SELECT COUNT(*) FROM svy_invitation WHERE survey_id = ?1 AND reminders_sent = 1",
            surveyId),
        "each invitation records exactly one reminder");
    assertEquals(
        List.of(0, 0),
        List.of(reminders.sendDue(now), reminders.sendDue(now + 1)),
        "nothing is left to remind");
  }

  @Test
  void overlappingDigestRunsSendThePeriodOnceWithoutAnError() throws Exception {
    String tag = unique();
    staff.create(
        new NewStaffUser(
            "manager-" + tag,
            "manager-" + tag + "@example.test",
            "Manager " + tag,
            "password-" + tag,
            Set.of(Roles.MANAGER)));
    // On Derby a read waits for another transaction's uncommitted row, so runs race only between
    // the check and the claim of a period: several periods, each raced by all runs at once.
    // Weeks of their own, in the past, one after the other from a random start: each trial's
    // period key and subject name its digest only.
    LocalDate first = LocalDate.of(1990, 1, 1).plusWeeks(ThreadLocalRandom.current().nextInt(4000));
    for (int trial = 0; trial < DIGEST_TRIALS; trial++) {
      LocalDate from = first.plusWeeks(trial);
      DigestSchedule.Period period =
          new DigestSchedule.Period("weekly:" + from, from, from.plusDays(6));
      assertEquals(
          0L,
          count("SELECT COUNT(*) FROM rpt_digest_sent WHERE period_key = ?1", period.key()),
          "no run has sent " + period.key() + " yet");
      String subject = "Verbatim digest " + period.from() + " to " + period.to();

      List<Boolean> sent =
          concurrently(() -> digests.sendScheduled(period, System.currentTimeMillis()));

      assertEquals(
          1, sent.stream().filter(Boolean::booleanValue).count(), "exactly one run sent: " + sent);
      List<StaffUser> managers = staff.withRole(Roles.MANAGER);
      Map<String, Long> perManager = digestsPerAddress(subject);
      for (StaffUser manager : managers) {
        assertEquals(1L, perManager.getOrDefault(manager.email(), 0L), "digests to " + manager);
      }
      assertEquals(managers.size(), perManager.size(), "digests went to the managers only");
      assertEquals(
          false, digests.sendScheduled(period, System.currentTimeMillis()), "a later run skips it");
    }
  }

  @Test
  void theStartUpSweepFailsOnlyImportsWhoseServerWentQuiet() throws Exception {
    String tag = unique();
    long now = System.currentTimeMillis();
    String running = "running-" + tag;
    String abandoned = "abandoned-" + tag;
    // Another server's import, at work (its heartbeat is seconds old) ...
    importStore.insert(running, "running.csv", "email", "other-server-" + tag, now - 600_000);
    importStore.started(running, 1000, now - 600_000);
    importStore.heartbeat("other-server-" + tag, now - 5_000);
    // ... and the import of a server that stopped ten minutes ago.
    importStore.insert(abandoned, "abandoned.csv", "email", "gone-server-" + tag, now - 600_000);
    importStore.started(abandoned, 1000, now - 600_000);

    List<Integer> failed = concurrently(imports::failAbandoned);

    assertEquals(1, failed.stream().mapToInt(Integer::intValue).sum(), "failed once: " + failed);
    assertEquals(ImportStatus.RUNNING, imports.status(running).status(), "still running");
    ImportStatus gone = imports.status(abandoned);
    assertEquals(ImportStatus.FAILED, gone.status(), "the abandoned import is failed");
    assertTrue(
        gone.problem().contains("The server running this import stopped"),
        "the reason says why: " + gone.problem());
  }

  // ---- two (or more) servers at once ----

  /** Runs {@code job} on {@link #SERVERS} managed threads released together; their results. */
  @Test
  void aJobLeaseIsHeldByOneServerUntilItRunsOut() throws Exception {
    String job = "test-job-" + unique();
    long now = System.currentTimeMillis();
    List<String> owners = List.of("server-a", "server-b", "server-c");
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    List<Boolean> inserted =
        concurrently(
            () -> {
              String owner = owners.get(next.getAndIncrement() % owners.size());
              try {
                return leaseRows.insert(job, owner, now + 60_000);
              } catch (RuntimeException duplicateKey) {
                return false;
              }
            });
    assertEquals(1, inserted.stream().filter(b -> b).count(), "one first insert wins: " + inserted);
    String holder =
        (String)
            em.createNativeQuery("SELECT owner_id FROM plt_job_lease WHERE job_name = ?1")
                .setParameter(1, job)
                .getSingleResult();
    String other = owners.stream().filter(o -> !o.equals(holder)).findFirst().orElseThrow();
    assertEquals(
        false,
        leaseRows.renewOrTake(job, other, now + 1_000, now + 61_000),
        "another server cannot take a lease that runs");
    assertEquals(
        true, leaseRows.renewOrTake(job, holder, now + 1_000, now + 61_000), "the holder renews");
    assertEquals(
        true,
        leaseRows.renewOrTake(job, other, now + 62_000, now + 122_000),
        "another server takes the job once the lease ran out");
  }

  private static <T> List<T> concurrently(Callable<T> job) throws Exception {
    ManagedExecutorService executor =
        InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    CyclicBarrier start = new CyclicBarrier(SERVERS);
    List<Future<T>> runs = new ArrayList<>();
    for (int i = 0; i < SERVERS; i++) {
      runs.add(
          executor.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return job.call();
              }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> run : runs) {
      try {
        results.add(run.get(120, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        throw new AssertionError("a run failed: " + e.getCause(), e.getCause());
      }
    }
    return results;
  }

  // ---- arrangement ----

  private String publishedSurvey(String tag) {
    String owner = "owner-" + tag;
    staff.create(
        new NewStaffUser(
            owner, owner + "@example.test", "Owner", "password-" + owner, Set.of(Roles.OWNER)));
    followupSetup.setFallbackOwner(owner);
    String surveyId =
        surveys
            .create(
                new SurveyDraft(
                    "Overlapping reminders " + tag,
                    null,
                    null,
                    null,
                    null,
                    List.of(
                        new QuestionDraft(
                            "score", "NPS", "How likely are you to recommend us?", true, null))))
            .id();
    surveys.publish(surveyId);
    return surveyId;
  }

  private void backdateInvitations(String surveyId, long invitedAt) throws Exception {
    tx.begin();
    try {
      int updated =
          em.createNativeQuery("UPDATE svy_invitation SET created_at = ?1 WHERE survey_id = ?2")
              .setParameter(1, invitedAt)
              .setParameter(2, surveyId)
              .executeUpdate();
      assertEquals(INVITATIONS, updated, "invitations of the survey");
      tx.commit();
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    }
  }

  private static String unique() {
    return Ids.newId().replace("-", "").substring(0, 10);
  }

  private static String email(int n, String tag) {
    return "c" + n + "-" + tag + "@example.test";
  }

  // ---- what the database holds ----

  private Map<String, Long> remindersPerAddress(String tag) {
    return perRecipient(
        "SELECT recipient, COUNT(*) FROM plt_outbox WHERE kind = 'reminder' AND recipient LIKE ?1"
            + " GROUP BY recipient"
            + NO_LOCKS,
        "%-" + tag + "@example.test");
  }

  private Map<String, Long> digestsPerAddress(String subject) {
    return perRecipient(
        "SELECT recipient, COUNT(*) FROM plt_outbox WHERE kind = 'digest' AND subject = ?1"
            + " GROUP BY recipient"
            + NO_LOCKS,
        subject);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Long> perRecipient(String sql, String parameter) {
    Map<String, Long> result = new HashMap<>();
    for (Object[] row :
        (List<Object[]>) em.createNativeQuery(sql).setParameter(1, parameter).getResultList()) {
      result.put((String) row[0], ((Number) row[1]).longValue());
    }
    return result;
  }

  private long count(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql + NO_LOCKS);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
