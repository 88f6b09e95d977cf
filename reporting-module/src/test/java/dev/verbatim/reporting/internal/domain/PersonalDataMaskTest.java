package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

  @Test
  void aSixteenDigitCardInSpacedGroupsPassingLuhnIsMasked() {
    assertThat(PersonalDataMask.mask("my card 4111 1111 1111 1111 was charged twice"))
        .isEqualTo("my card [card ••1111] was charged twice");
  }

  @Test
  void cardsOfThirteenAndNineteenDigitsAndWithDashesAreMasked() {
    assertThat(PersonalDataMask.mask("old card 4222222222222 expired"))
        .isEqualTo("old card [card ••2222] expired");
    assertThat(PersonalDataMask.mask("card 6011-0009-9013-9424-009 ok"))
        .isEqualTo("card [card ••4009] ok")
        .satisfies(s -> assertThat(PersonalDataMask.passesLuhn("6011000990139424009")).isTrue());
    assertThat(PersonalDataMask.mask("paid with 5555-5555-5555-4444."))
        .isEqualTo("paid with [card ••4444].");
  }

  @Test
  void aDigitRunFailingLuhnIsLeftAlone() {
    assertThat(PersonalDataMask.mask("order 4111111111111112 never came"))
        .isEqualTo("order 4111111111111112 never came");
  }

  @Test
  void emailAddressesAreMasked() {
    assertThat(PersonalDataMask.mask("write to jane.doe+orders@example.co.uk please"))
        .isEqualTo("write to [email] please");
  }

  @Test
  void phoneNumbersInInternationalUsAndEuFormatsAreMasked() {
    assertThat(PersonalDataMask.mask("call +49 30 1234567 today"))
        .isEqualTo("call [phone ••67] today");
    assertThat(PersonalDataMask.mask("call (555) 123-4567 now")).isEqualTo("call [phone ••67] now");
    assertThat(PersonalDataMask.mask("ring 555-123-4567")).isEqualTo("ring [phone ••67]");
    assertThat(PersonalDataMask.mask("mobile 06 12 34 56 78")).isEqualTo("mobile [phone ••78]");
  }

  @Test
  void datesOrderNumbersAndShortNumbersAreNotPhones() {
    String text =
        "ordered 2024-05-01, delivered 01.06.2024, order ORD-2024-118833, ref 123456789, #12-345-678, 3 days";
    assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
  }

  @Test
  void textWithoutPersonalDataIsUnchanged() {
    assertThat(PersonalDataMask.mask("The delivery was late again"))
        .isEqualTo("The delivery was late again");
    assertThat(PersonalDataMask.mask(null)).isNull();
  }
}
