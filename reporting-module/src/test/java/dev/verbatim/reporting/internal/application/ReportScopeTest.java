package dev.verbatim.reporting.internal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportScopeTest {

  @Test
  void datesAreIsoDaysAndBlankFiltersMeanAll() {
    ReportFilter f = ReportScope.parse("", null, " ", "2026-03-01", "2026-03-31");
    assertThat(f.surveyId()).isNull();
    assertThat(f.ownerId()).isNull();
    assertThat(f.from()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(f.toDay() - f.fromDay()).isEqualTo(30);
  }

  @Test
  void anUnparsableDateIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ReportScope.parse(null, null, null, "2026-01-01", "31/01/2026"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("to"));
  }

  @Test
  void fromAfterToIsRejectedNamingFrom() {
    assertThatThrownBy(() -> ReportScope.parse(null, null, null, "2026-02-01", "2026-01-01"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("from"));
  }
}
