package dev.verbatim.followup.internal.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the root-cause taxonomy a case is closed with. */
@Entity
@Table(name = "fup_root_cause")
public class RootCause {
  @Id private String code;
  private String label;
  private int position;

  protected RootCause() {}

  public RootCause(String code, String label, int position) {
    this.code = code;
    this.label = label;
    this.position = position;
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
}
