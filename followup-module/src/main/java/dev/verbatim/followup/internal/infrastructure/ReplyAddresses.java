package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.ReplyAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where customers' answers go: {@code reply+<token>@<verbatim.mail.reply-domain>}, by default the
 * domain of {@code verbatim.mail.from}. The mailbox behind it must deliver plus-addresses to the
 * one mailbox Verbatim reads over IMAP.
 */
@ApplicationScoped
public class ReplyAddresses {
  @Inject
  @ConfigProperty(name = "verbatim.mail.reply-domain")
  Optional<String> replyDomain;

  @Inject
  @ConfigProperty(name = "verbatim.mail.from", defaultValue = "verbatim@localhost")
  String fromAddress;

  public String forToken(String token) {
    return ReplyAddress.of(token, domain());
  }

  String domain() {
    return replyDomain
        .map(String::strip)
        .filter(d -> !d.isEmpty())
        .orElseGet(
            () -> {
              int at = fromAddress.indexOf('@');
              return at < 0 ? "localhost" : fromAddress.substring(at + 1).strip();
            });
  }
}
