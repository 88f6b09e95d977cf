package dev.verbatim.followup.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.followup.internal.persistence.GuaranteeCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GuaranteeReconcilerTest {
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    GuaranteeReconciler.LOG.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    GuaranteeReconciler.LOG.removeHandler(capture);
  }

  @Test
  void aCommentWithoutACaseIsLoggedAsSevere() {
    assertThat(GuaranteeReconciler.report(new GuaranteeCounts.Gaps(10, 1, 0))).isFalse();
    assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.SEVERE);
    assertThat(logged.get(0).getMessage()).contains("1 comment(s) without a case");
  }

  @Test
  void aCaseWithoutAnOwnerIsLoggedAsSevere() {
    assertThat(GuaranteeReconciler.report(new GuaranteeCounts.Gaps(10, 0, 2))).isFalse();
    assertThat(logged).extracting(LogRecord::getLevel).containsExactly(Level.SEVERE);
    assertThat(logged.get(0).getMessage()).contains("2 case(s) without an owner");
  }

  @Test
  void noGapsLogNothingSevere() {
    assertThat(GuaranteeReconciler.report(new GuaranteeCounts.Gaps(10, 0, 0))).isTrue();
    assertThat(logged).extracting(LogRecord::getLevel).doesNotContain(Level.SEVERE);
  }
}
