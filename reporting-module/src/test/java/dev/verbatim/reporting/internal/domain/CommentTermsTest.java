package dev.verbatim.reporting.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTermsTest {

  @Test
  void wordsAreLowerCasedSingularAndPhrasesSkipStopWords() {
    assertThat(CommentTerms.of("The Delivery was LATE. Parcels damaged!"))
        .containsExactly(
            "delivery", "late", "delivery late", "parcel", "damaged", "parcel damaged");
  }

  @Test
  void unicodeLettersAreWordsAndPersonalDataIsNotATerm() {
    assertThat(CommentTerms.of("Café crème was cold, mail me at jo@example.com"))
        .containsExactly("café", "crème", "café crème", "cold", "crème cold", "mail", "cold mail");
  }

  @Test
  void searchWordsAreReducedLikeCommentWords() {
    assertThat(CommentTerms.words("the deliveries late")).containsExactly("delivery", "late");
  }
}
