package dev.verbatim.platform.internal.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

class SmtpRepliesTest {
  private static final String TO = "ann@example.com";

  private static SendFailedException refused(String reply) throws Exception {
    SendFailedException perAddress =
        new SendFailedException(reply, null, null, null, new Address[] {new InternetAddress(TO)});
    return new SendFailedException(
        "Invalid Addresses", perAddress, null, null, new Address[] {new InternetAddress(TO)});
  }

  @Test
  void aRecipientRefusedWith550IsAHardBounce() throws Exception {
    SmtpReplies.Outcome outcome =
        SmtpReplies.classify(refused("550 5.1.1 <ann@example.com>: User unknown"), TO);
    assertThat(outcome.permanent()).isTrue();
    assertThat(outcome.recipientRefused()).isTrue();
    assertThat(outcome.reply()).contains("550 5.1.1").contains("User unknown");
  }

  @Test
  void aGreylisted450IsRetriedAndDoesNotSuppress() throws Exception {
    SmtpReplies.Outcome outcome =
        SmtpReplies.classify(refused("450 4.2.0 <ann@example.com>: Greylisted, try later"), TO);
    assertThat(outcome.permanent()).isFalse();
    assertThat(outcome.recipientRefused()).isFalse();
  }

  @Test
  void anEnhancedPermanentStatusWithoutAReplyCodeCountsAsPermanent() throws Exception {
    SmtpReplies.Outcome outcome = SmtpReplies.classify(refused("Rejected: 5.7.1 Blocked"), TO);
    assertThat(outcome.permanent()).isTrue();
    assertThat(outcome.recipientRefused()).isTrue();
  }

  @Test
  void aPermanentFailureThatDoesNotNameTheRecipientFailsTheMailButBouncesNoAddress() {
    SmtpReplies.Outcome outcome =
        SmtpReplies.classify(new SendFailedException("554 5.6.0 Message content rejected"), TO);
    assertThat(outcome.permanent()).isTrue();
    assertThat(outcome.recipientRefused()).isFalse();
  }

  @Test
  void theImplementationsReturnCodeWinsOverTheText() {
    class CodedFailure extends MessagingException {
      CodedFailure() {
        super("mailbox full");
      }

      public int getReturnCode() {
        return 452;
      }
    }
    assertThat(SmtpReplies.replyClass(new CodedFailure())).isEqualTo(4);
  }
}
