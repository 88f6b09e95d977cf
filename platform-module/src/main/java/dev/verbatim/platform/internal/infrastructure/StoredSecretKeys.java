package dev.verbatim.platform.internal.infrastructure;

import dev.verbatim.platform.api.SecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class StoredSecretKeys implements SecretKeys {
  @Inject SecretKeyStore store;
  @Inject Clock clock;

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  @Override
  public byte[] key(String purpose) {
    return cache.computeIfAbsent(purpose, this::loadOrCreate).clone();
  }

  private byte[] loadOrCreate(String purpose) {
    return store
        .find(purpose)
        .orElseGet(
            () -> {
              try {
                return store.create(purpose, clock);
              } catch (RuntimeException raced) {
                // another server stored it between our read and our insert: use theirs
                return store.find(purpose).orElseThrow(() -> raced);
              }
            });
  }
}
