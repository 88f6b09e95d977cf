package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.InboundMail;
import dev.verbatim.followup.internal.domain.QuotedHistory;
import dev.verbatim.followup.internal.domain.ReplyAddress;
import dev.verbatim.followup.internal.domain.ReplyTokens;
import dev.verbatim.followup.internal.domain.TriageMail;
import dev.verbatim.followup.internal.infrastructure.CustomerAnsweredMail;
import dev.verbatim.followup.internal.infrastructure.SlaSettings;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.followup.internal.persistence.TriageRepository;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Customers' answers by email: each one joins its case (matched by the reply address or the
 * threading headers) or, when nothing matches, waits in triage for a manager. Never dropped.
 */
@ApplicationScoped
public class InboundMailService {
  /** What became of one inbound mail. */
  public enum Outcome {
    APPENDED,
    TRIAGED,
    ALREADY_RECEIVED
  }

  /** The owner's notification quotes the start of the answer; the case has all of it. */
  private static final int NOTIFICATION_EXCERPT = 2_000;

  @Inject CaseRepository cases;
  @Inject TriageRepository triageMails;

  @Inject SlaSettings slaSettings;
  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject CaseAudit audit;
  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;
  @Inject CustomerAnsweredMail answeredMail;

  @Transactional
  public Outcome receive(InboundMail mail) {
    if (alreadyReceived(mail.messageId())) {
      return Outcome.ALREADY_RECEIVED;
    }
    Optional<String> token = ReplyAddress.tokenIn(mail.recipients());
    Optional<FollowupCase> byToken = token.flatMap(this::caseByToken);
    Optional<FollowupCase> found = byToken.or(() -> caseByThread(mail.referencedIds()));
    if (found.isPresent()) {
      append(found.get(), mail, QuotedHistory.strip(mail.text()), null);
      return Outcome.APPENDED;
    }
    String reason =
        token.isPresent()
            ? "The reply address names no case."
            : mail.referencedIds().isEmpty()
                ? "No reply address and no thread headers: a new mail, not an answer."
                : "It answers a mail Verbatim did not send (In-Reply-To / References unknown).";
    triage(mail, reason);
    return Outcome.TRIAGED;
  }

  /** Keeps a mail that could not be processed normally, so that a person reads it. */
  @Transactional
  public void triage(InboundMail mail, String reason) {
    triageMails.add(
        new TriageMail(
            Ids.newId(),
            mail,
            InboundMail.capped(mail.text(), InboundMail.MAX_STORED),
            reason,
            clock.millis()));
  }

  public List<TriageMail> openTriage() {
    return triageMails.open();
  }

  /** A manager decides which case an unmatched mail belongs to: it joins that case's thread. */
  @Transactional
  public FollowupCase attach(String triageId, String caseId, StaffUser manager) {
    TriageMail triaged = triageMail(triageId);
    FollowupCase target = caseId == null || caseId.isBlank() ? null : cases.find(caseId.strip());
    if (target == null) {
      throw new InvalidInputException("caseId", "There is no case with id '" + caseId + "'.");
    }
    triaged.attachTo(target.id());
    InboundMail mail =
        new InboundMail(
            triaged.messageId(),
            triaged.sender(),
            triaged.subject(),
            List.of(),
            List.of(),
            triaged.body());
    append(target, mail, QuotedHistory.strip(triaged.body()), manager.id());
    return target;
  }

  @Transactional
  public void dismiss(String triageId, StaffUser manager) {
    triageMail(triageId).dismiss();
  }

  private TriageMail triageMail(String triageId) {
    TriageMail triaged = triageId == null ? null : triageMails.find(triageId);
    if (triaged == null) {
      throw new ResourceNotFoundException("There is no triaged mail with id " + triageId + ".");
    }
    return triaged;
  }

  private void append(FollowupCase c, InboundMail mail, String fullText, String actorId) {
    long now = clock.millis();
    String text = InboundMail.capped(fullText, InboundMail.MAX_STORED);
    boolean wasClosed = c.status() == CaseStatus.CLOSED;
    c.customerReplied(slaSettings.policy(), now);
    cases.addMessage(
        new CaseMessage(Ids.newId(), c.id(), CaseMessage.IN, null, text, mail.messageId(), now)
            .from(mail.sender(), mail.subject()));
    audit.record(
        c.id(),
        actorId,
        CaseEvent.CUSTOMER_REPLIED,
        mail.sender() == null ? null : "from " + mail.sender());
    if (wasClosed) {
      audit.record(c.id(), actorId, CaseEvent.REOPENED, "The customer wrote back.");
    }
    Optional<StaffUser> owner = staff.findById(c.ownerId());
    if (owner.isPresent()) {
      String customer =
          surveys
              .contact(c.contactId())
              .map(ContactView::displayName)
              .orElse(mail.sender() == null ? "The customer" : mail.sender());
      String survey = surveys.survey(c.surveyId()).map(SurveySummary::title).orElse("a survey");
      String excerpt = InboundMail.capped(text, NOTIFICATION_EXCERPT);
      outbox.enqueue(answeredMail.compose(c, owner.get(), customer, survey, excerpt, wasClosed));
    }
  }

  private boolean alreadyReceived(String messageId) {
    if (messageId == null) {
      return false;
    }
    long inCases = cases.incomingWithMessageId(messageId);
    long inTriage = triageMails.withMessageId(messageId);
    return inCases + inTriage > 0;
  }

  private Optional<FollowupCase> caseByToken(String token) {
    return cases.byReplyTokenHash(ReplyTokens.hash(token));
  }

  private Optional<FollowupCase> caseByThread(List<String> messageIds) {
    if (messageIds.isEmpty()) {
      return Optional.empty();
    }
    return cases.byThread(messageIds);
  }
}
