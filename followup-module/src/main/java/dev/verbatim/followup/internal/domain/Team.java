package dev.verbatim.followup.internal.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A group of owners who share a survey's comments, taking turns (round robin). */
@Entity
@Table(name = "fup_team")
public class Team {
  public static final String ROUND_ROBIN = "ROUND_ROBIN";
  public static final String FEWEST_OPEN = "FEWEST_OPEN";

  @Id private String id;
  private String name;

  /**
   * How many cases the team has handed out; the next owner is {@code members[assignments % size]}.
   */
  private long assignments;

  @Column(name = "created_at")
  private long createdAt;

  /** Gets escalations when a case of the team is overdue. */
  @Column(name = "lead_user_id")
  private String leadUserId;

  /** How the team shares cases: ROUND_ROBIN or FEWEST_OPEN. */
  private String strategy = ROUND_ROBIN;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fup_team_member", joinColumns = @JoinColumn(name = "team_id"))
  @Column(name = "user_id")
  private Set<String> memberIds = new TreeSet<>();

  protected Team() {}

  public Team(String id, String name, Set<String> memberIds, long now) {
    this.id = id;
    this.name = name;
    this.memberIds.addAll(memberIds);
    this.createdAt = now;
  }

  /**
   * Picks the next eligible member in turn, skipping those who cannot take cases.
   *
   * @return empty when no member is eligible (the caller falls through to the next routing step)
   */
  public java.util.Optional<String> nextOwner(java.util.function.Predicate<String> eligible) {
    List<String> ordered = new ArrayList<>(memberIds);
    for (int tried = 0; tried < ordered.size(); tried++) {
      String candidate = ordered.get((int) (assignments % ordered.size()));
      assignments++;
      if (eligible.test(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  public void appointLead(String userId) {
    leadUserId = userId;
  }

  public void shareBy(String newStrategy) {
    strategy = newStrategy;
  }

  public String leadUserId() {
    return leadUserId;
  }

  public String strategy() {
    return strategy;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Set<String> memberIds() {
    return Set.copyOf(memberIds);
  }
}
