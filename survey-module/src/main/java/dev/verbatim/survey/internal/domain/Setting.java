package dev.verbatim.survey.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One workspace setting of the survey module, by name. */
@Entity
@Table(name = "svy_setting")
public class Setting {
  @Id private String name;

  @Column(name = "setting_value")
  private String value;

  protected Setting() {}

  public Setting(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public void change(String newValue) {
    value = newValue;
  }

  public String value() {
    return value;
  }
}
