package it.hostile;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One way of mistreating a request, independent of the endpoint it is applied to (so a new endpoint
 * gets every kind without a new generator).
 *
 * @param who which session sends it
 * @param body what goes in the body
 * @param headers how the headers are wrong
 * @param text the hostile text placed in fields, query values and bodies
 * @param pathValue the hostile value placed in path parameters (already URL-encoded)
 * @param realIds whether path parameters name this test's own real entities instead
 * @param seed picks fields and variants deterministically
 */
public record Mutation(
    Who who, Body body, Headers headers, String text, String pathValue, boolean realIds, int seed) {

  public enum Who {
    ANONYMOUS,
    ADMIN,
    MANAGER,
    OWNER
  }

  public enum Body {
    /** The schema's fields (or the form's fields), each given hostile values of random types. */
    SHAPED,
    /** The schema's fields, all valid-looking except one hostile value. */
    ONE_FIELD,
    BROKEN_JSON,
    WRONG_JSON_TYPE,
    DEEP_NESTING,
    INVALID_UTF8,
    HUGE,
    EMPTY,
    UNKNOWN_FIELDS
  }

  public enum Headers {
    NORMAL,
    NO_CONTENT_TYPE,
    WRONG_CONTENT_TYPE,
    ODD_ACCEPT,
    HUGE_HEADER,
    BAD_CHARSET,
    DUPLICATE_QUERY
  }

  /** Bodies that can never be a valid request, for endpoints whose success changes global state. */
  public static final List<Body> ALWAYS_INVALID =
      List.of(Body.BROKEN_JSON, Body.DEEP_NESTING, Body.INVALID_UTF8, Body.HUGE);

  public boolean certainlyInvalidBody() {
    return ALWAYS_INVALID.contains(body);
  }

  public static Arbitrary<Mutation> any() {
    return Combinators.combine(
            Arbitraries.of(Who.class),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(Body.SHAPED)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Body.ONE_FIELD)),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(Body.class))),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(Headers.NORMAL)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Headers.class))),
            HostileText.strings(),
            HostileText.pathSegments(),
            Arbitraries.of(true, true, false),
            Arbitraries.integers().between(0, Integer.MAX_VALUE))
        .as(Mutation::new);
  }

  @Override
  public String toString() {
    return "Mutation[who="
        + who
        + ", body="
        + body
        + ", headers="
        + headers
        + ", text="
        + ResponseRules.abbreviate(text)
            .replace("\r", "\\r")
            .replace("\n", "\\n")
            .substring(0, Math.min(80, text.length()))
        + ", path="
        + (pathValue.length() > 60 ? pathValue.substring(0, 60) + "..." : pathValue)
        + ", realIds="
        + realIds
        + "]";
  }
}
