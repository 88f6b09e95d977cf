package dev.verbatim.followup.internal.persistence;

import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.survey.api.ContactHold;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A contact whose case is not closed yet is not surveyed again while someone works on it. */
@ApplicationScoped
public class OpenCaseHold implements ContactHold {
  private static final int CHUNK = 500;

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Override
  public Set<String> contactsOnHold(Collection<String> contactIds) {
    List<String> ids = new ArrayList<>(contactIds);
    Set<String> onHold = new HashSet<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      onHold.addAll(
          em.createQuery(
                  "SELECT DISTINCT c.contactId FROM FollowupCase c"
                      + " WHERE c.contactId IN :ids AND c.status <> :closed",
                  String.class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
              .setParameter("closed", CaseStatus.CLOSED)
              .getResultList());
    }
    return onHold;
  }
}
