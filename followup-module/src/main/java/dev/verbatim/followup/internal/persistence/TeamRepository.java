package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Teams of owners. */
@ApplicationScoped
public class TeamRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** The team, or null. */
  public Team find(String teamId) {
    return em.find(Team.class, teamId);
  }

  /** The team locked for update until the transaction ends (its round robin moves), or null. */
  public Team findForUpdate(String teamId) {
    return em.find(Team.class, teamId, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Every team, in no particular order. */
  public List<Team> all() {
    return em.createQuery("SELECT t FROM Team t", Team.class).getResultList();
  }

  /** Every team by name. */
  public List<Team> byName() {
    return em.createQuery("SELECT t FROM Team t ORDER BY t.name", Team.class).getResultList();
  }

  public boolean nameTaken(String name) {
    return !em.createQuery("SELECT t FROM Team t WHERE t.name = :n", Team.class)
        .setParameter("n", name)
        .getResultList()
        .isEmpty();
  }

  /** The first team (by name) the owner is a member of. */
  public Optional<Team> firstTeamOf(String ownerId) {
    return em.createQuery(
            "SELECT t FROM Team t WHERE :owner MEMBER OF t.memberIds ORDER BY t.name", Team.class)
        .setParameter("owner", ownerId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * Adds the team and writes it at once: routing rows reference it, no relationship orders them.
   */
  public void addNow(Team team) {
    em.persist(team);
    em.flush();
  }
}
