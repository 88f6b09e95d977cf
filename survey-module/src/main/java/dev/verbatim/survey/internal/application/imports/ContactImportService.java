package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.persistence.ContactBatchWriter;
import dev.verbatim.survey.internal.persistence.ContactImportStore;
import dev.verbatim.survey.internal.persistence.StorageFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports a contacts CSV in the background: the file is checked and its header mapped while the
 * upload request waits (so a file that is not CSV is refused at once), then a managed thread
 * imports it in batches of {@link ContactBatchWriter#BATCH_SIZE} rows, one transaction each, and
 * the job's row in {@code svy_contact_import} shows the progress.
 *
 * <p>Several servers may share the database. An import belongs to the server instance that took the
 * upload ({@link #owner}, a random id per start: server names repeat across hosts), which renews
 * the heartbeat of its unfinished imports every {@code verbatim.imports.heartbeat-seconds} (default
 * 15) and with every batch. At start-up and on the same tick, every server fails the unfinished
 * imports whose heartbeat is older than {@code verbatim.imports.stale-after-seconds} (default 120):
 * their server stopped. An import another server is running is never touched.
 */
@ApplicationScoped
public class ContactImportService {
  private static final Logger LOG = Logger.getLogger(ContactImportService.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ContactImportStore store;
  @Inject ContactBatchWriter writer;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "verbatim.imports.heartbeat-seconds", defaultValue = "15")
  long heartbeatSeconds;

  @Inject
  @ConfigProperty(name = "verbatim.imports.stale-after-seconds", defaultValue = "120")
  long staleAfterSeconds;

  /** This server instance, as the owner of the imports it runs; a new one at every start. */
  private final String owner = Ids.newId();

  private ScheduledFuture<?> ticker;

  void watchImports(@Observes @Priority(50) SchemaReady ready) {
    ImportLiveness liveness = liveness();
    failAbandoned();
    long every = liveness.heartbeatEvery().toMillis();
    ticker = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stopWatching() {
    if (ticker != null) {
      ticker.cancel(false);
    }
  }

  ImportLiveness liveness() {
    return ImportLiveness.ofSeconds(heartbeatSeconds, staleAfterSeconds);
  }

  void tick() {
    try {
      store.heartbeat(owner, clock.millis());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not renew the heartbeat of this server's contact imports", e);
    }
    failAbandoned();
  }

  /**
   * Fails the unfinished imports whose server stopped (no heartbeat for longer than the stale
   * threshold), whichever server ran them; returns how many.
   */
  public int failAbandoned() {
    long now = clock.millis();
    ImportLiveness liveness = liveness();
    try {
      int failed =
          store.failStale(
              "The server running this import stopped (no sign of it for over "
                  + liveness.staleAfter().toSeconds()
                  + " seconds); the rows counted as processed were saved. Upload the file again"
                  + " to import the rest (existing contacts are updated, not duplicated).",
              liveness.staleBefore(now),
              now);
      if (failed > 0) {
        LOG.warning(
            () -> failed + " contact import(s) were abandoned by a server that stopped; failed");
      }
      return failed;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not mark abandoned contact imports", e);
      return 0;
    }
  }

  /** This server instance's id, as recorded on the imports it runs. */
  public String owner() {
    return owner;
  }

  /**
   * Starts importing an uploaded file (which the job deletes when done); a file that cannot be
   * imported at all is refused with {@link InvalidInputException} on the field {@code file}.
   */
  public String start(Upload upload, Set<String> ignoredColumns) {
    ColumnMapping mapping;
    try (ContactCsvReader reader = ContactCsvReader.open(upload.file(), ignoredColumns)) {
      mapping = reader.mapping();
    } catch (CsvFileProblem problem) {
      upload.delete();
      throw new InvalidInputException("file", problem.getMessage());
    } catch (IOException e) {
      upload.delete();
      throw new UncheckedIOException(e);
    }
    String id = Ids.newId();
    try {
      store.insert(id, upload.fileName(), mapping.describe(), owner, clock.millis());
    } catch (StorageFailure e) {
      upload.delete();
      throw new IllegalStateException("could not record the import", e.getCause());
    }
    executor.execute(() -> run(id, upload, ignoredColumns));
    return id;
  }

  public ImportStatus status(String id) {
    try {
      return store
          .find(id)
          .orElseThrow(() -> new ResourceNotFoundException("There is no contact import " + id));
    } catch (StorageFailure e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  void run(String id, Upload upload, Set<String> ignoredColumns) {
    String status = ImportStatus.DONE;
    String problem = null;
    int line = 0;
    try {
      store.started(id, ContactCsvReader.countRows(upload.file()), clock.millis());
      try (ContactCsvReader reader = ContactCsvReader.reopen(upload.file(), ignoredColumns)) {
        int errorsKept = 0;
        List<ContactCsvReader.Row> batch = new ArrayList<>(ContactBatchWriter.BATCH_SIZE);
        ContactCsvReader.Row row;
        while ((row = reader.next()) != null) {
          batch.add(row);
          line = row.line();
          if (batch.size() == ContactBatchWriter.BATCH_SIZE) {
            errorsKept = writeWithRetry(id, batch, errorsKept);
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          writeWithRetry(id, batch, errorsKept);
        }
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Contact import " + id + " stopped near line " + line, e);
      status = ImportStatus.FAILED;
      problem =
          "The import stopped near line "
              + line
              + " because the database refused a batch; the rows counted as processed were saved."
              + " Upload the file again to import the rest.";
    } finally {
      upload.delete();
      try {
        store.finished(id, status, problem, clock.millis());
      } catch (StorageFailure e) {
        LOG.log(Level.SEVERE, "Could not finish contact import " + id, e.getCause());
      }
    }
  }

  /** Returns the number of row problems kept so far. */
  private int writeWithRetry(String id, List<ContactCsvReader.Row> batch, int errorsKept) {
    ContactBatchWriter.Written written;
    try {
      written = writer.write(id, batch, errorsKept);
    } catch (RuntimeException first) {
      // Someone may have added one of these emails since the lookup: the batch rolled back whole,
      // so look them up again.
      written = writer.write(id, batch, errorsKept);
    }
    return errorsKept + written.problemsKept();
  }
}
