package dev.verbatim.survey.internal.application.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks at an uploaded file as bytes before any CSV parsing, so that a PDF, a spreadsheet or a file
 * saved in another encoding is refused with a reason instead of being imported as garbled names.
 */
public final class CsvBytes {
  static final int SNIFF_BYTES = 1024;

  private CsvBytes() {}

  /** True when the file starts with a UTF-8 byte-order mark (three bytes to skip). */
  public static boolean check(Path file) throws IOException, CsvFileProblem {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
      return check(in);
    }
  }

  static boolean check(InputStream in) throws IOException, CsvFileProblem {
    byte[] head = in.readNBytes(SNIFF_BYTES);
    refuseKnownBinary(head);
    boolean bom =
        head.length >= 3
            && (head[0] & 0xff) == 0xEF
            && (head[1] & 0xff) == 0xBB
            && (head[2] & 0xff) == 0xBF;
    Utf8Validator validator = new Utf8Validator();
    boolean onlyBlank = true;
    for (int i = bom ? 3 : 0; i < head.length; i++) {
      int b = head[i] & 0xff;
      if (b == 0) {
        throw new CsvFileProblem(
            "This is not a CSV text file (it contains binary data). Save the contacts as"
                + " \"CSV UTF-8\" and upload that file.");
      }
      onlyBlank &= b == ' ' || b == '\t' || b == '\r' || b == '\n';
      if (!validator.accept(b)) {
        throw new CsvFileProblem(
            "This is not a UTF-8 CSV text file (line "
                + validator.line()
                + " has bytes that are not UTF-8). Save the contacts as \"CSV UTF-8\" and upload"
                + " that file.");
      }
    }
    byte[] buffer = new byte[65536];
    int n;
    while ((n = in.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        int b = buffer[i] & 0xff;
        onlyBlank &= b == ' ' || b == '\t' || b == '\r' || b == '\n';
        if (!validator.accept(b)) {
          throw notUtf8(validator.line());
        }
      }
    }
    if (!validator.complete()) {
      throw notUtf8(validator.line());
    }
    if (onlyBlank) {
      throw new CsvFileProblem(
          "The file is empty: it needs a header row (with an email column) and one row per"
              + " contact.");
    }
    return bom;
  }

  private static CsvFileProblem notUtf8(int line) {
    return new CsvFileProblem(
        "The file is not UTF-8 text: line "
            + line
            + " has characters in another encoding (nothing was imported, so no name is garbled)."
            + " Save the file as \"CSV UTF-8\" and upload it again.");
  }

  private static void refuseKnownBinary(byte[] head) throws CsvFileProblem {
    String kind = null;
    if (startsWith(head, "%PDF")) {
      kind = "a PDF document";
    } else if (startsWith(head, "PK\u0003\u0004")) {
      kind = "a ZIP archive or an Excel/Office document";
    } else if (head.length >= 4
        && (head[0] & 0xff) == 0xD0
        && (head[1] & 0xff) == 0xCF
        && (head[2] & 0xff) == 0x11
        && (head[3] & 0xff) == 0xE0) {
      kind = "an old Excel/Office document";
    }
    if (kind != null) {
      throw new CsvFileProblem(
          "This is "
              + kind
              + ", not a CSV file. Save the contacts as \"CSV UTF-8\" and upload that file.");
    }
  }

  private static boolean startsWith(byte[] head, String ascii) {
    if (head.length < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (head[i] != (byte) ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A byte-at-a-time UTF-8 checker (RFC 3629: no overlongs, no surrogates) that counts lines. */
  static final class Utf8Validator {
    private int line = 1;
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;

    boolean accept(int b) {
      if (pending > 0) {
        if (b < low || b > high) {
          return false;
        }
        low = 0x80;
        high = 0xBF;
        pending--;
        return true;
      }
      if (b < 0x80) {
        if (b == '\n') {
          line++;
        }
        return true;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending = 2;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      return true;
    }

    boolean complete() {
      return pending == 0;
    }

    int line() {
      return line;
    }
  }
}
