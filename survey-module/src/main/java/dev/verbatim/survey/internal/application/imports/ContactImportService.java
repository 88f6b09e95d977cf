package dev.verbatim.survey.internal.application.imports;

import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.SchemaReady;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports a contacts CSV in the background: the file is checked and its header mapped while the
 * upload request waits (so a file that is not CSV is refused at once), then a managed thread
 * imports it in batches of {@link ContactBatchWriter#BATCH_SIZE} rows, one transaction each, and
 * the job's row in {@code svy_contact_import} shows the progress.
 */
@ApplicationScoped
public class ContactImportService {
  private static final Logger LOG = Logger.getLogger(ContactImportService.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject ContactImportStore store;
  @Inject ContactBatchWriter writer;
  @Inject Clock clock;

  void failInterruptedImports(@Observes @Priority(50) SchemaReady ready) {
    try {
      int failed =
          store.failUnfinished(
              "The server stopped during this import; the rows counted as processed were saved."
                  + " Upload the file again to import the rest (existing contacts are updated,"
                  + " not duplicated).",
              clock.millis());
      if (failed > 0) {
        LOG.warning(() -> failed + " contact import(s) were interrupted by a server stop");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not mark interrupted contact imports", e);
    }
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
      store.insert(id, upload.fileName(), mapping.describe(), clock.millis());
    } catch (SQLException e) {
      upload.delete();
      throw new IllegalStateException("could not record the import", e);
    }
    executor.execute(() -> run(id, upload, ignoredColumns));
    return id;
  }

  public ImportStatus status(String id) {
    try {
      return store
          .find(id)
          .orElseThrow(() -> new ResourceNotFoundException("There is no contact import " + id));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void run(String id, Upload upload, Set<String> ignoredColumns) {
    String status = ImportStatus.DONE;
    String problem = null;
    int line = 0;
    try {
      store.started(id, ContactCsvReader.countRows(upload.file()));
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
      } catch (SQLException e) {
        LOG.log(Level.SEVERE, "Could not finish contact import " + id, e);
      }
    }
  }

  /** Returns the number of row problems kept so far. */
  private int writeWithRetry(String id, List<ContactCsvReader.Row> batch, int errorsKept)
      throws SQLException {
    ContactBatchWriter.Written written;
    try {
      written = writer.write(id, batch, errorsKept);
    } catch (RuntimeException | SQLException first) {
      // Someone may have added one of these emails since the lookup: the batch rolled back whole,
      // so look them up again.
      written = writer.write(id, batch, errorsKept);
    }
    return errorsKept + written.problemsKept();
  }
}
