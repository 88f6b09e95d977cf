package it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ListenerProgress;
import dev.verbatim.platform.api.ModuleEvents;
import it.events.RecordingListeners.Flaky;
import it.events.RecordingListeners.Ping;
import it.events.RecordingListeners.Steady;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module-event log inside the running application, with two test listeners next to reports: a
 * committed event reaches each listener once and in order, a rolled-back one never, a listener that
 * throws is retried with backoff and holds up no other, and an unreadable event is parked and
 * shown.
 */
@ExtendWith(ArquillianExtension.class)
class ModuleEventLogIT {
  @Deployment
  static WebArchive verbatimWithTestListeners() {
    File war = new File(System.getProperty("war.file", "target/verbatim.war"));
    return ShrinkWrap.create(ZipImporter.class, "verbatim.war")
        .importFrom(war)
        .as(WebArchive.class)
        .addPackage(ModuleEventLogIT.class.getPackage());
  }

  @Inject ModuleEvents events;
  @Inject UserTransaction tx;
  @Inject Steady steady;
  @Inject Flaky flaky;

  @Test
  void aListenerThatThrowsIsRetriedAndHoldsUpNoOther() throws Exception {
    String run = Ids.newId();
    flaky.failing(true);
    try {
      publish(run, 0, 5);

      await("the steady listener applies all", () -> steady.applied(run).size() == 5);
      await("the flaky listener shows its failure", () -> failures("test.flaky") > 0);
      ListenerProgress failing = progress("test.flaky");
      assertTrue(failing.lastError().contains("flaky on purpose"), failing.lastError());
      assertEquals(5, failing.backlog());
      assertEquals(List.of(), flaky.applied(run));
    } finally {
      flaky.failing(false);
    }

    await("the flaky listener catches up", () -> flaky.applied(run).size() == 5);
    assertEquals(List.of(0, 1, 2, 3, 4), flaky.applied(run));
    assertEquals(List.of(0, 1, 2, 3, 4), steady.applied(run));
    await("the failure is cleared", () -> failures("test.flaky") == 0);
    assertNull(progress("test.flaky").lastError());
  }

  @Test
  void eventsOfARolledBackTransactionAreNeverDelivered() throws Exception {
    String run = Ids.newId();
    tx.begin();
    events.publish(RecordingListeners.TYPE, run, new Ping(run, 0));
    tx.rollback();
    publish(run, 1, 2);

    await("the committed events arrive", () -> steady.applied(run).size() == 2);
    assertEquals(List.of(1, 2), steady.applied(run));
  }

  @Test
  void anUnreadableEventIsParkedWithItsErrorAndTheNextOnesGoOn() throws Exception {
    String run = Ids.newId();
    long parkedBefore = progress("test.steady").parked();
    tx.begin();
    events.publish(RecordingListeners.TYPE, run, "not a ping");
    tx.commit();
    publish(run, 0, 2);

    await("the readable events arrive", () -> steady.applied(run).size() == 2);
    await("the unreadable one is parked", () -> progress("test.steady").parked() > parkedBefore);
    String parkedError = progress("test.steady").parkedError();
    assertTrue(parkedError.contains("cannot be read as Ping"), parkedError);
    assertEquals(List.of(0, 1), steady.applied(run));
  }

  private void publish(String run, int from, int count) throws Exception {
    tx.begin();
    IntStream.range(from, from + count)
        .forEach(n -> events.publish(RecordingListeners.TYPE, run, new Ping(run, n)));
    tx.commit();
  }

  private ListenerProgress progress(String listener) {
    return events.progress(listener).orElseThrow(() -> new AssertionError("no " + listener));
  }

  private int failures(String listener) {
    return progress(listener).failures();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }
}
