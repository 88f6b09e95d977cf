package dev.verbatim.followup.internal.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-case reply address {@code reply+<token>@<domain>} and the threading headers an answer
 * carries: how an inbound mail finds its case.
 */
public final class ReplyAddress {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern TOKEN =
      Pattern.compile("(?i)(?:^|[\\s<,:\"'])reply\\+([0-9a-f]{32})@[^\\s>,;\"']+");
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,250}>");

  private ReplyAddress() {}

  /** 128 random bits, lower-case hex: survives mail systems that fold the case of addresses. */
  public static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static String of(String token, String domain) {
    return "reply+" + token + "@" + domain;
  }

  /** The first case token found in these addresses (plain or with a display name), if any. */
  public static Optional<String> tokenIn(Collection<String> addresses) {
    for (String address : addresses) {
      if (address == null) {
        continue;
      }
      Matcher m = TOKEN.matcher(address);
      if (m.find()) {
        return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  /** The {@code <id>}s in In-Reply-To / References values, in order, without duplicates. */
  public static List<String> messageIds(Collection<String> headerValues) {
    List<String> ids = new ArrayList<>();
    for (String value : headerValues) {
      if (value == null) {
        continue;
      }
      Matcher m = MESSAGE_ID.matcher(value);
      while (m.find()) {
        if (!ids.contains(m.group())) {
          ids.add(m.group());
        }
      }
    }
    return ids;
  }
}
