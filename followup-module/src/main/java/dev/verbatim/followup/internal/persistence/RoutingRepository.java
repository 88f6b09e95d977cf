package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.FollowupSettings;
import dev.verbatim.followup.internal.domain.OwnerStatus;
import dev.verbatim.followup.internal.domain.RoutingRule;
import dev.verbatim.followup.internal.domain.SurveyRouting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * What routing reads besides teams: the rules, each survey's default team, the global settings
 * (fallback owner) and whether owners are away.
 */
@ApplicationScoped
public class RoutingRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The rules in the order they are tried. */
  public List<RoutingRule> rules() {
    return em.createQuery(
            "SELECT r FROM RoutingRule r ORDER BY r.position, r.createdAt, r.id", RoutingRule.class)
        .getResultList();
  }

  /** The rule, or null. */
  public RoutingRule rule(String id) {
    return em.find(RoutingRule.class, id);
  }

  /** The position after the last rule's (0 for the first rule). */
  public int nextRulePosition() {
    return em
            .createQuery("SELECT MAX(r.position) FROM RoutingRule r", Integer.class)
            .getResultList()
            .stream()
            .filter(p -> p != null)
            .findFirst()
            .orElse(-1)
        + 1;
  }

  public void addRule(RoutingRule rule) {
    em.persist(rule);
  }

  public void removeRule(RoutingRule rule) {
    em.remove(rule);
  }

  /** The survey's routing (its default team), or null. */
  public SurveyRouting surveyRouting(String surveyId) {
    return em.find(SurveyRouting.class, surveyId);
  }

  public void addSurveyRouting(SurveyRouting routing) {
    em.persist(routing);
  }

  /** The global follow-up settings, or null before they are created. */
  public FollowupSettings settings() {
    return em.find(FollowupSettings.class, FollowupSettings.GLOBAL);
  }

  /** The owner's away status, or null when it was never set. */
  public OwnerStatus ownerStatus(String userId) {
    return em.find(OwnerStatus.class, userId);
  }

  public void addOwnerStatus(OwnerStatus status) {
    em.persist(status);
  }
}
