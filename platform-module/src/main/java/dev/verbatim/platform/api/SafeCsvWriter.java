package dev.verbatim.platform.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way this project writes CSV: RFC 4180 quoting (Commons CSV), UTF-8 with a byte-order mark
 * so spreadsheets detect the encoding, and text cells that a spreadsheet would run as a formula
 * neutralised. Rows go straight to the stream, so an export of a million rows never sits in memory.
 */
public final class SafeCsvWriter implements Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private final CSVPrinter printer;

  private SafeCsvWriter(Writer out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
  }

  public static SafeCsvWriter open(OutputStream out) {
    try {
      return new SafeCsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one row; strings are neutralised, numbers and other values are written as they print.
   */
  public SafeCsvWriter row(Object... cells) {
    try {
      for (Object cell : cells) {
        printer.print(cell instanceof String text ? neutralise(text) : cell);
      }
      printer.println();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * OWASP's advice for CSV injection: a cell starting with {@code = + - @}, a tab or a carriage
   * return is prefixed with a single quote, so spreadsheets show it as text instead of running it.
   */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return switch (first) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }
}
