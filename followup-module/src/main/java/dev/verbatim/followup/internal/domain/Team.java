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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A group of owners who share comments: taking turns (round robin) or the one with the fewest open
 * cases first.
 */
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
   * Picks the next eligible member in turn (round robin, whatever the strategy), skipping those who
   * cannot take cases.
   *
   * @return empty when no member is eligible (the caller falls through to the next routing step)
   */
  public Optional<String> nextOwner(Predicate<String> eligible) {
    Optional<Pick> pick = roundRobin(eligible);
    pick.ifPresent(this::take);
    return pick.map(Pick::ownerId);
  }

  /**
   * Who would get the next case under the team's strategy, without taking the turn: round robin
   * from the current turn; FEWEST_OPEN the eligible member with the fewest open cases (ties by id).
   */
  public Optional<Pick> pick(Predicate<String> eligible, ToLongFunction<String> openCases) {
    if (FEWEST_OPEN.equals(strategy)) {
      return memberIds.stream()
          .filter(eligible)
          .min(Comparator.comparingLong(openCases).thenComparing(Comparator.naturalOrder()))
          .map(id -> new Pick(id, 0));
    }
    return roundRobin(eligible);
  }

  /** Takes the turn a {@link #pick} used up, so the next case goes to the next member. */
  public void take(Pick pick) {
    assignments += pick.turns();
  }

  private Optional<Pick> roundRobin(Predicate<String> eligible) {
    List<String> ordered = new ArrayList<>(memberIds);
    for (int tried = 0; tried < ordered.size(); tried++) {
      String candidate = ordered.get((int) ((assignments + tried) % ordered.size()));
      if (eligible.test(candidate)) {
        return Optional.of(new Pick(candidate, tried + 1));
      }
    }
    return Optional.empty();
  }

  /** A member chosen for a case and how many turns choosing them used. */
  public record Pick(String ownerId, int turns) {}

  public void appointLead(String userId) {
    leadUserId = userId;
  }

  public void shareBy(String newStrategy) {
    if (!isStrategy(newStrategy)) {
      throw new IllegalArgumentException("unknown strategy " + newStrategy);
    }
    strategy = newStrategy;
  }

  public static boolean isStrategy(String candidate) {
    return ROUND_ROBIN.equals(candidate) || FEWEST_OPEN.equals(candidate);
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
