package dev.verbatim.survey.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A contact of a distribution's audience who was not invited, with the reason. */
@Entity
@Table(name = "svy_distribution_skip")
@IdClass(DistributionSkip.Key.class)
public class DistributionSkip {
  @Id
  @Column(name = "distribution_id")
  private String distributionId;

  @Id
  @Column(name = "contact_id")
  private String contactId;

  @Enumerated(EnumType.STRING)
  private SkipReason reason;

  protected DistributionSkip() {}

  public DistributionSkip(String distributionId, String contactId, SkipReason reason) {
    this.distributionId = distributionId;
    this.contactId = contactId;
    this.reason = reason;
  }

  public String contactId() {
    return contactId;
  }

  public SkipReason reason() {
    return reason;
  }

  public static class Key implements Serializable {
    private String distributionId;
    private String contactId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(distributionId, k.distributionId)
          && Objects.equals(contactId, k.contactId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(distributionId, contactId);
    }
  }
}
