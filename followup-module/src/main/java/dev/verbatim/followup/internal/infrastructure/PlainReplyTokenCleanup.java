package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.ReplyTokens;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.platform.api.SchemaReady;
import dev.verbatim.platform.api.SecretKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * At start-up, replaces the reply tokens that earlier releases stored in plain (32 characters) with
 * the hash of the case's derived token; a no-op once done.
 */
@ApplicationScoped
public class PlainReplyTokenCleanup {
  @Inject CaseRepository cases;

  @Inject SecretKeys secretKeys;

  @Transactional
  void atStart(@Observes SchemaReady ready) {
    List<FollowupCase> plain = cases.withReplyTokenHashLength(ReplyTokens.PLAIN_LENGTH);
    if (plain.isEmpty()) {
      return;
    }
    byte[] key = secretKeys.key(ReplyTokens.KEY);
    for (FollowupCase c : plain) {
      c.forgetPlainReplyToken(ReplyTokens.hash(ReplyTokens.derive(key, c.id())));
    }
  }
}
