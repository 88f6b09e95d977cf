package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.domain.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret personal links are derived from, kept in the database. Created in its own transaction
 * at start-up, so no link is ever derived from a key that was not stored.
 */
@ApplicationScoped
public class TokenKeyStore {
  static final String TOKEN_KEY = "invitation-token-key";

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void createAtStart(@Observes SchemaReady ready) {
    load();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String load() {
    Setting setting = em.find(Setting.class, TOKEN_KEY);
    if (setting != null) {
      return setting.value();
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String value = Base64.getEncoder().encodeToString(bytes);
    em.persist(new Setting(TOKEN_KEY, value));
    return value;
  }
}
