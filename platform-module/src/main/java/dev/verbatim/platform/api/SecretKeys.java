package dev.verbatim.platform.api;

/**
 * Random 256-bit keys, one per purpose, created on first use and kept in the database so every
 * server of an installation derives the same tokens (HMAC) from them. Never shown, logged or sent.
 */
public interface SecretKeys {

  /**
   * @param purpose a short fixed name, e.g. {@code "reply-token"}
   * @return the 32 bytes of that purpose's key
   */
  byte[] key(String purpose);
}
