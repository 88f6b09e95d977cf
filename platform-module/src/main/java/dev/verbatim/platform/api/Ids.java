package dev.verbatim.platform.api;

import java.util.UUID;

/**
 * Identifiers are random UUID strings: portable across Derby and PostgreSQL, no sequence round
 * trips.
 */
public final class Ids {
  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
