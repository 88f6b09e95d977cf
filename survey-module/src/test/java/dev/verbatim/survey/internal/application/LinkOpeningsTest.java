package dev.verbatim.survey.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.survey.internal.persistence.OpenedAtWriter;
import dev.verbatim.survey.internal.persistence.StorageFailure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkOpeningsTest {
  /** Records what it is asked to write; fails while {@code failing} is set. */
  static final class RecordingWriter extends OpenedAtWriter {
    final List<Map<String, Long>> written = new ArrayList<>();
    boolean failing;

    @Override
    public void write(Map<String, Long> openedAt) {
      if (failing) {
        throw new StorageFailure(new SQLException("database unavailable"));
      }
      written.add(Map.copyOf(openedAt));
    }
  }

  private final RecordingWriter writer = new RecordingWriter();
  private final LinkOpenings openings = openings(writer);

  private static LinkOpenings openings(OpenedAtWriter writer) {
    LinkOpenings openings = new LinkOpenings();
    openings.writer = writer;
    return openings;
  }

  @Test
  void oneFlushWritesEveryOpenNotedSinceTheLastKeepingTheFirstTime() {
    openings.opened("inv-b", 200);
    openings.opened("inv-a", 100);
    openings.opened("inv-a", 150);

    openings.flush();
    openings.flush();

    assertThat(writer.written).containsExactly(Map.of("inv-a", 100L, "inv-b", 200L));
  }

  @Test
  void opensAFailedWriteCouldNotRecordAreWrittenByTheNextFlush() {
    openings.opened("inv-a", 100);
    writer.failing = true;

    assertThatThrownBy(openings::flush).hasMessageContaining("1 link opens");
    openings.opened("inv-a", 300);
    openings.opened("inv-c", 400);
    writer.failing = false;
    openings.flush();

    assertThat(writer.written).containsExactly(Map.of("inv-a", 100L, "inv-c", 400L));
  }

  @Test
  void theSafeFlushUsedByReadersLogsAFailureInsteadOfThrowing() {
    openings.opened("inv-a", 100);
    writer.failing = true;

    openings.flushSafely();

    writer.failing = false;
    openings.flushSafely();
    assertThat(writer.written).containsExactly(Map.of("inv-a", 100L));
  }
}
