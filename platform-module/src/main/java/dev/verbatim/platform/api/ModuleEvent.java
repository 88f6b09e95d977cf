package dev.verbatim.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * One event as a listener receives it.
 *
 * @param id the event's id, the same for every listener that receives it
 * @param seq its place in the log: a listener receives its events in increasing seq
 * @param payload the published record as JSON
 * @param createdAt when it was published (epoch millis), within its transaction
 */
public record ModuleEvent(
    String id, long seq, String type, String aggregateId, String payload, long createdAt) {

  /**
   * The payload as the given type.
   *
   * @throws UnreadableEventException when the JSON does not fit it
   */
  public <T> T read(Class<T> as) {
    try {
      T value = Json.JSONB.fromJson(payload, as);
      if (value == null) {
        throw new IllegalArgumentException("the payload is empty");
      }
      return value;
    } catch (RuntimeException e) {
      throw new UnreadableEventException(this, as, e);
    }
  }

  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }
}
