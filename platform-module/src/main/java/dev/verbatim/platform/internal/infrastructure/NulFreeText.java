package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.StoredText;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Every entity's text attributes without NUL characters ({@link StoredText}). */
@Converter(autoApply = true)
public class NulFreeText implements AttributeConverter<String, String> {
  @Override
  public String convertToDatabaseColumn(String text) {
    return StoredText.withoutNul(text);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    return stored;
  }
}
