package dev.verbatim.platform.internal.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads a key, or stores a new random one, in a transaction of its own. */
@ApplicationScoped
public class SecretKeyStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<byte[]> find(String purpose) {
    List<?> rows =
        em.createNativeQuery("SELECT key_bytes FROM plt_secret_key WHERE key_name = ?")
            .setParameter(1, purpose)
            .getResultList();
    return rows.stream().findFirst().map(v -> Base64.getDecoder().decode(v.toString()));
  }

  /** Fails (and changes nothing) when another server created the key first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public byte[] create(String purpose, Clock clock) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    em.createNativeQuery(
            "INSERT INTO plt_secret_key (key_name, key_bytes, created_at) VALUES (?, ?, ?)")
        .setParameter(1, purpose)
        .setParameter(2, Base64.getEncoder().encodeToString(key))
        .setParameter(3, clock.millis())
        .executeUpdate();
    return key;
  }
}
