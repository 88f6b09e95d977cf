package dev.verbatim.survey.internal.application;

import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.survey.internal.persistence.SettingRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The secret personal links are derived from, kept in the database. Created in its own transaction
 * at start-up, so no link is ever derived from a key that was not stored. When two servers create
 * it at once, one insert fails on the key's primary key and that server uses the other's key.
 */
@ApplicationScoped
public class TokenKeyStore {
  private static final Logger LOG = Logger.getLogger(TokenKeyStore.class.getName());
  static final String TOKEN_KEY = "invitation-token-key";

  @Inject SettingRows rows;

  void createAtStart(@Observes SchemaReady ready) {
    load();
  }

  public String load() {
    return rows.find(TOKEN_KEY).orElseGet(this::create);
  }

  private String create() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String value = Base64.getEncoder().encodeToString(bytes);
    try {
      rows.insert(TOKEN_KEY, value);
      return value;
    } catch (RuntimeException raced) {
      String theirs = rows.find(TOKEN_KEY).orElseThrow(() -> raced);
      LOG.fine("Another server created the token key first: using it");
      return theirs;
    }
  }
}
