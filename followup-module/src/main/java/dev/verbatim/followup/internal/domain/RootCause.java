package dev.verbatim.followup.internal.domain;

import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An entry of the root-cause taxonomy a case is closed with. Managers maintain it; an entry is
 * deactivated rather than deleted, because closed cases keep pointing at it.
 */
@Entity
@Table(name = "fup_root_cause")
public class RootCause {
  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  static final int MAX_LABEL = 100;

  @Id private String code;
  private String label;
  private int position;
  private boolean active = true;

  protected RootCause() {}

  public RootCause(String code, String label, int position) {
    this.code = code;
    this.label = label;
    this.position = position;
  }

  /**
   * A new, active entry; the code is kept upper case.
   *
   * @throws InvalidInputException naming {@code code} or {@code label}
   */
  public static RootCause create(String code, String label, int position) {
    List<FieldError> errors = new ArrayList<>();
    String normalized = code == null ? "" : code.strip().toUpperCase();
    if (!CODE.matcher(normalized).matches()) {
      errors.add(
          new FieldError(
              "code",
              "must be 1 to 40 letters, digits or underscores, starting with a letter (e.g."
                  + " SHIPPING_DELAY)"));
    }
    String checkedLabel = checkedLabel(label, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new RootCause(normalized, checkedLabel, position);
  }

  public void rename(String newLabel) {
    List<FieldError> errors = new ArrayList<>();
    String checked = checkedLabel(newLabel, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    label = checked;
  }

  public void deactivate() {
    active = false;
  }

  public void activate() {
    active = true;
  }

  private static String checkedLabel(String label, List<FieldError> errors) {
    String stripped = label == null ? "" : label.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_LABEL) {
      errors.add(new FieldError("label", "must be 1 to " + MAX_LABEL + " characters"));
    }
    return stripped;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public int position() {
    return position;
  }

  public boolean active() {
    return active;
  }
}
