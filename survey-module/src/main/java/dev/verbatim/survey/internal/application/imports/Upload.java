package dev.verbatim.survey.internal.application.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An uploaded file spooled to a temporary file while it arrives, never held in memory, and cut off
 * as soon as it passes the limit. Reads a raw body ({@code text/csv}) or the {@code file} part of a
 * {@code multipart/form-data} body; small text parts come back as fields.
 */
public record Upload(Path file, String fileName, Map<String, String> fields) {
  private static final int MAX_FIELD = 10_000;
  private static final int MAX_PART_HEADERS = 8_000;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  public static Upload raw(InputStream body, String fileName, long limit)
      throws IOException, UploadTooLarge {
    Path file = newTempFile();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[65536];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new UploadTooLarge(limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | UploadTooLarge | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new Upload(file, fileName, Map.of());
  }

  /** Null file when the body had no part named {@code file} with content. */
  public static Upload multipart(InputStream body, String contentType, long limit)
      throws IOException, UploadTooLarge {
    Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
    if (!boundary.find()) {
      throw new IOException("multipart body without a boundary");
    }
    byte[] delimiter = ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    InputStream in = new BufferedInputStream(body, 65536);
    DelimitedCopy copy = new DelimitedCopy(delimiter);
    // The first delimiter has no line break before it: pretend there was one.
    copy.skipTo(
        new java.io.SequenceInputStream(
            new java.io.ByteArrayInputStream(new byte[] {'\r', '\n'}), in));
    Map<String, String> fields = new HashMap<>();
    Path file = null;
    String fileName = null;
    try {
      while (true) {
        String afterDelimiter = readLine(in, 2);
        if (afterDelimiter.startsWith("--")) {
          break;
        }
        String headers = readHeaders(in);
        Matcher name = NAME.matcher(headers);
        String partName = name.find() ? name.group(1) : "";
        Matcher filename = FILENAME.matcher(headers);
        if ("file".equals(partName) && file == null) {
          file = newTempFile();
          fileName = filename.find() ? filename.group(1) : null;
          try (OutputStream out =
              new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536)) {
            if (!copy.copyTo(in, out, limit)) {
              throw new UploadTooLarge(limit);
            }
          }
        } else {
          ByteArrayOutputStream value = new ByteArrayOutputStream();
          if (!copy.copyTo(in, value, MAX_FIELD)) {
            throw new IOException("form field " + partName + " is too long");
          }
          fields.put(partName, value.toString(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException | UploadTooLarge | RuntimeException e) {
      if (file != null) {
        Files.deleteIfExists(file);
      }
      throw e;
    }
    if (file != null && Files.size(file) == 0 && (fileName == null || fileName.isEmpty())) {
      Files.deleteIfExists(file);
      file = null;
    }
    return new Upload(file, fileName, fields);
  }

  public void delete() {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  private static Path newTempFile() throws IOException {
    return Files.createTempFile("verbatim-contacts-", ".csv");
  }

  private static String readHeaders(InputStream in) throws IOException {
    StringBuilder headers = new StringBuilder();
    while (true) {
      String line = readLine(in, MAX_PART_HEADERS);
      if (line.isEmpty()) {
        return headers.toString();
      }
      headers.append(line).append('\n');
      if (headers.length() > MAX_PART_HEADERS) {
        throw new IOException("multipart part headers too long");
      }
    }
  }

  private static String readLine(InputStream in, int max) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        break;
      }
      if (b != '\r') {
        line.write(b);
      }
      if (line.size() > max) {
        return line.toString(StandardCharsets.UTF_8);
      }
    }
    if (b < 0 && line.size() == 0) {
      throw new IOException("multipart body ended early");
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** Copies bytes up to (not including) a delimiter, matching it with Knuth-Morris-Pratt. */
  static final class DelimitedCopy {
    private final byte[] delimiter;
    private final int[] fallback;

    DelimitedCopy(byte[] delimiter) {
      this.delimiter = delimiter;
      this.fallback = new int[delimiter.length];
      for (int i = 1, k = 0; i < delimiter.length; i++) {
        while (k > 0 && delimiter[i] != delimiter[k]) {
          k = fallback[k - 1];
        }
        if (delimiter[i] == delimiter[k]) {
          k++;
        }
        fallback[i] = k;
      }
    }

    void skipTo(InputStream in) throws IOException {
      if (!copyTo(in, OutputStream.nullOutputStream(), Long.MAX_VALUE)) {
        throw new IOException("no multipart delimiter");
      }
    }

    /** False when more than {@code limit} bytes came before the delimiter. */
    boolean copyTo(InputStream in, OutputStream out, long limit) throws IOException {
      long written = 0;
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        while (matched > 0 && (byte) b != delimiter[matched]) {
          int keep = fallback[matched - 1];
          int emit = matched - keep;
          out.write(delimiter, 0, emit);
          written += emit;
          matched = keep;
        }
        if ((byte) b == delimiter[matched]) {
          matched++;
          if (matched == delimiter.length) {
            return true;
          }
        } else {
          out.write(b);
          written++;
        }
        if (written > limit) {
          return false;
        }
      }
      throw new IOException("multipart body ended before its closing delimiter");
    }
  }
}
