package dev.verbatim.survey.internal.persistence;

import dev.verbatim.survey.internal.domain.Contact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contacts (svy_contact). */
@ApplicationScoped
public class ContactRepository {
  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  /** One page of a search, and how many contacts match in all. */
  public record Found(List<Contact> contacts, long total) {}

  public void add(Contact contact) {
    em.persist(contact);
  }

  /** Adds the contact and writes it at once (rows that reference it follow; no relationship). */
  public void addNow(Contact contact) {
    em.persist(contact);
    em.flush();
  }

  /** The contact, or null. */
  public Contact find(String contactId) {
    return em.find(Contact.class, contactId);
  }

  public Optional<Contact> byEmailKey(String emailKey) {
    return em.createQuery("SELECT c FROM Contact c WHERE c.emailKey = :k", Contact.class)
        .setParameter("k", emailKey)
        .getResultStream()
        .findFirst();
  }

  /** The ids of the contacts with this email key. */
  public List<String> idsByEmailKey(String emailKey) {
    return em.createQuery("SELECT c.id FROM Contact c WHERE c.emailKey = :k", String.class)
        .setParameter("k", emailKey)
        .getResultList();
  }

  /** The contact an invitation token (by its hash) was sent to. */
  public Optional<Contact> byInvitationTokenHash(String tokenHash) {
    return em
        .createQuery(
            "SELECT c FROM Invitation i, Contact c WHERE i.tokenHash = :h AND c.id = i.contactId",
            Contact.class)
        .setParameter("h", tokenHash)
        .getResultList()
        .stream()
        .findFirst();
  }

  public List<Contact> all() {
    return em.createQuery("SELECT c FROM Contact c", Contact.class).getResultList();
  }

  /** The contacts with these ids (those that exist). */
  public List<Contact> byIds(List<String> contactIds) {
    return em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
        .setParameter("ids", contactIds.isEmpty() ? List.of("-") : contactIds)
        .getResultList();
  }

  /**
   * Case-insensitive search in email, name and attribute values, ordered by email.
   *
   * @param page from 1
   */
  public Found search(String query, int page, int size) {
    ContactQuery filter = ContactQuery.of(query);
    Query ids =
        em.createNativeQuery(
            "SELECT c.id, c.email_key FROM svy_contact c"
                + filter.where()
                + " ORDER BY c.email_key OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    Query count = em.createNativeQuery("SELECT COUNT(*) FROM svy_contact c" + filter.where());
    List<Object> parameters = filter.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      ids.setParameter(i + 1, parameters.get(i));
      count.setParameter(i + 1, parameters.get(i));
    }
    ids.setParameter(parameters.size() + 1, (page - 1) * size);
    ids.setParameter(parameters.size() + 2, size);
    List<String> pageIds = new ArrayList<>();
    for (Object row : ids.getResultList()) {
      pageIds.add((String) ((Object[]) row)[0]);
    }
    List<Contact> contacts = new ArrayList<>();
    if (!pageIds.isEmpty()) {
      Map<String, Contact> byId = new HashMap<>();
      em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
          .setParameter("ids", pageIds)
          .getResultList()
          .forEach(c -> byId.put(c.id(), c));
      pageIds.forEach(id -> contacts.add(byId.get(id)));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    return new Found(contacts, total);
  }
}
