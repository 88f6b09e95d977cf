package dev.verbatim.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeCsvWriterTest {

  @Test
  void formulaLikeTextCellsAreNeutralisedButNumbersAreNot() {
    String csv =
        write(new Object[] {"=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", -3, "ok"});

    assertThat(csv).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-cmd,'@SUM(A1),-3,ok\r\n");
  }

  @Test
  void quotesCommasAndNewlinesAndStartsWithAByteOrderMark() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SafeCsvWriter csv = SafeCsvWriter.open(out)) {
      csv.row("name", "comment").row("Zoë", "slow, then \"fine\"\nthanks");
    }

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    assertThat(text.substring(1))
        .isEqualTo("name,comment\r\nZoë,\"slow, then \"\"fine\"\"\nthanks\"\r\n");
  }

  private static String write(Object[] row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SafeCsvWriter csv = SafeCsvWriter.open(out)) {
      csv.row(row);
    }
    return out.toString(StandardCharsets.UTF_8).substring(1);
  }
}
