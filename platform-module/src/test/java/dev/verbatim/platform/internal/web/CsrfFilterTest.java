package dev.verbatim.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsrfFilterTest {

  @Test
  void theTokenIsFoundAmongUrlEncodedFormFields() {
    assertThat(CsrfFilter.formField("text=a%26b&_csrf=abc%2Ddef&x=1", "_csrf"))
        .isEqualTo("abc-def");
    assertThat(CsrfFilter.formField("text=hello", "_csrf")).isNull();
    assertThat(CsrfFilter.formField("_csrf", "_csrf")).isEmpty();
  }

  @Test
  void aBodyWithAStrayPercentIsNotAForm() {
    assertThatThrownBy(() -> CsrfFilter.formField("throttleDays=30&%zz=%", "_csrf"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
