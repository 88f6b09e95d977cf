package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PayloadTooLargeException;
import dev.verbatim.survey.internal.application.imports.Upload;
import dev.verbatim.survey.internal.application.imports.UploadTooLarge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives a contacts file for the API and the page: refuses one over {@code
 * verbatim.contacts.import.max-bytes} from its Content-Length before reading it, or as soon as the
 * streamed bytes pass the limit.
 */
@ApplicationScoped
public class ContactUploads {
  /** Room for the multipart boundaries and the other form fields around the file. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  @Inject
  @ConfigProperty(name = "verbatim.contacts.import.max-bytes", defaultValue = "20971520")
  long maxBytes;

  Upload receive(InputStream body, String contentType, Long contentLength, String fileName) {
    boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
    if (contentLength != null && contentLength > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) {
      throw tooLarge();
    }
    try {
      Upload upload =
          multipart
              ? Upload.multipart(body, contentType, maxBytes)
              : Upload.raw(body, fileName, maxBytes);
      if (upload.file() == null) {
        throw new InvalidInputException("file", "choose a CSV file to import");
      }
      return upload;
    } catch (UploadTooLarge e) {
      throw tooLarge();
    } catch (IOException e) {
      throw new InvalidInputException("file", "the upload could not be read: " + e.getMessage());
    }
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "file",
        "The file is larger than the limit of "
            + megabytes(maxBytes)
            + ". Split it into smaller files (each keeps the header row) and import them one"
            + " after the other.");
  }

  static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
  }

  /** "Region, Notes" to the set of header names to leave out. */
  static Set<String> columns(String list) {
    if (list == null || list.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
