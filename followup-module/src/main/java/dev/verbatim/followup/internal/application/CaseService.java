package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.Assignment;
import dev.verbatim.followup.internal.domain.CaseAuthority;
import dev.verbatim.followup.internal.domain.CaseEvent;
import dev.verbatim.followup.internal.domain.CaseFilter;
import dev.verbatim.followup.internal.domain.CaseMessage;
import dev.verbatim.followup.internal.domain.CaseStatus;
import dev.verbatim.followup.internal.domain.CaseVisibility;
import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.Reason;
import dev.verbatim.followup.internal.domain.ReplyTokens;
import dev.verbatim.followup.internal.domain.RootCause;
import dev.verbatim.followup.internal.domain.SlaPolicy;
import dev.verbatim.followup.internal.domain.Team;
import dev.verbatim.followup.internal.infrastructure.CustomerReplyMail;
import dev.verbatim.followup.internal.infrastructure.ReassignmentMail;
import dev.verbatim.followup.internal.infrastructure.ReplyAddresses;
import dev.verbatim.followup.internal.infrastructure.SlaSettings;
import dev.verbatim.followup.internal.persistence.CaseRepository;
import dev.verbatim.followup.internal.persistence.RootCauseRepository;
import dev.verbatim.followup.internal.persistence.TeamRepository;
import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.SecretKeys;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.platform.api.StateConflictException;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An owner's work on cases: list, open, reply to the customer, add notes, reassign, close with a
 * root cause, reopen. Every change is recorded in the audit trail. Who may see which case is
 * decided here, so the API and the pages enforce the same rule.
 */
@ApplicationScoped
public class CaseService {
  @Inject CaseRepository cases;
  @Inject TeamRepository teams;
  @Inject RootCauseRepository rootCauses;

  @Inject Clock clock;
  @Inject Outbox outbox;
  @Inject SurveyDirectory surveys;
  @Inject CustomerReplyMail replyMail;
  @Inject CaseAudit audit;
  @Inject SlaSettings slaSettings;
  @Inject StaffDirectory staff;
  @Inject ReassignmentMail reassignmentMail;
  @Inject ReplyAddresses replyAddresses;
  @Inject SecretKeys secretKeys;

  /**
   * The cases the user may see ({@link #visibilityOf}), narrowed by the filter. Sorted by due time
   * (soonest first) unless the filter asks for the newest first.
   */
  public List<FollowupCase> list(StaffUser user, CaseFilter filter) {
    CaseVisibility visibility = visibilityOf(user);
    return cases.search(filter, user.id(), visibility, clock.millis());
  }

  /** All the user may see, newest first; {@code onlyMine}: only the cases they own. */
  public List<FollowupCase> list(
      StaffUser user, CaseStatus status, boolean onlyMine, int page, int size) {
    return list(
        user,
        new CaseFilter(
            onlyMine ? CaseFilter.Scope.MINE : CaseFilter.Scope.ALL,
            status,
            null,
            false,
            null,
            CaseFilter.Sort.NEWEST,
            page,
            size));
  }

  /**
   * @throws AccessDeniedException when the case is neither the user's, nor their team's, and they
   *     are not a manager or admin
   */
  public FollowupCase get(String caseId, StaffUser user) {
    FollowupCase found = caseId == null ? null : cases.find(caseId);
    if (found == null) {
      throw new ResourceNotFoundException("There is no case with id " + caseId + ".");
    }
    if (!visibilityOf(user).canSee(found)) {
      throw new AccessDeniedException("This case belongs to another owner and team.");
    }
    return found;
  }

  /**
   * Managers and admins see all cases; everyone else their own plus those of the teams they belong
   * to or lead.
   */
  public CaseVisibility visibilityOf(StaffUser user) {
    if (seesAllCases(user)) {
      return new CaseVisibility(user.id(), true, Set.of());
    }
    Set<String> teamIds = new HashSet<>();
    teams.all().stream()
        .filter(t -> user.id().equals(t.leadUserId()) || t.memberIds().contains(user.id()))
        .forEach(t -> teamIds.add(t.id()));
    return new CaseVisibility(user.id(), false, teamIds);
  }

  public List<CaseMessage> messages(String caseId) {
    return cases.messages(caseId);
  }

  /**
   * Mails the reply to the customer (through the outbox, in this transaction) and marks the case
   * replied. The first reply starts the thread: later replies answer it ({@code In-Reply-To} /
   * {@code References}), and all carry the case's own reply address so the answer finds the case.
   */
  @Transactional
  public FollowupCase reply(String caseId, StaffUser author, String text) {
    FollowupCase followupCase = get(caseId, author);
    long now = clock.millis();
    followupCase.reply(text, now);
    ContactView contact = surveys.contact(followupCase.contactId()).orElseThrow();
    String surveyTitle =
        surveys.survey(followupCase.surveyId()).map(SurveySummary::title).orElse("our survey");
    String token = ReplyTokens.derive(secretKeys.key(ReplyTokens.KEY), caseId);
    String messageId =
        outbox.enqueue(
            replyMail
                .compose(followupCase, contact, surveyTitle, author, text.strip())
                .threadedAfter(followupCase.threadMessageId(), replyAddresses.forToken(token)));
    followupCase.startThread(ReplyTokens.hash(token), messageId);
    cases.addMessage(
        new CaseMessage(
            Ids.newId(), caseId, CaseMessage.OUT, author.id(), text.strip(), messageId, now));
    audit.record(caseId, author.id(), CaseEvent.REPLIED, null);
    return followupCase;
  }

  @Transactional
  public FollowupCase close(
      String caseId, StaffUser user, String rootCauseCode, String resolution) {
    FollowupCase followupCase = get(caseId, user);
    RootCause cause = null;
    if (rootCauseCode != null && !rootCauseCode.isBlank()) {
      cause = rootCauses.find(rootCauseCode.strip());
      if (cause == null || !cause.active()) {
        throw new InvalidInputException(
            "rootCause", "'" + rootCauseCode + "' is not in the list of active root causes.");
      }
    }
    followupCase.close(cause, resolution, clock.millis());
    audit.record(caseId, user.id(), CaseEvent.CLOSED, cause.code());
    return followupCase;
  }

  /** An internal note for colleagues: stored with the conversation, never mailed. */
  @Transactional
  public FollowupCase addNote(String caseId, StaffUser author, String text) {
    FollowupCase followupCase = get(caseId, author);
    CaseMessage note = CaseMessage.note(Ids.newId(), caseId, author.id(), text, clock.millis());
    cases.addMessage(note);
    audit.record(caseId, author.id(), CaseEvent.NOTE, abbreviated(note.body()));
    return followupCase;
  }

  /**
   * Hands the case to another active owner, with a reason; the new owner is told by email. The case
   * joins a team of the new owner (its current team when they belong to it).
   *
   * @throws InvalidInputException naming {@code owner} or {@code reason}
   * @throws AccessDeniedException unless the user owns the case, leads its team, or is a manager or
   *     admin
   */
  @Transactional
  public FollowupCase reassign(
      String caseId, StaffUser user, String newOwnerUsername, String reason) {
    FollowupCase followupCase = get(caseId, user);
    requireRedirectRight(followupCase, user);
    List<FieldError> errors = new ArrayList<>();
    Optional<StaffUser> newOwner =
        newOwnerUsername == null || newOwnerUsername.isBlank()
            ? Optional.empty()
            : staff
                .findByUsername(newOwnerUsername.strip())
                .filter(StaffUser::active)
                .filter(u -> u.hasRole(Roles.OWNER));
    if (newOwner.isEmpty()) {
      errors.add(new FieldError("owner", "Choose an active user with the owner role."));
    } else if (followupCase.isOwnedBy(newOwner.get().id())) {
      errors.add(new FieldError("owner", "This case is already theirs; choose someone else."));
    }
    String why = null;
    try {
      why = Reason.required("reason", reason);
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    StaffUser to = newOwner.orElseThrow();
    String from = displayName(followupCase.ownerId());
    followupCase.reassign(
        new Assignment(to.id(), teamFor(followupCase, to.id()), Assignment.REASSIGNED));
    audit.record(
        caseId,
        user.id(),
        CaseEvent.REASSIGNED,
        "From " + from + " to " + to.displayName() + ". Reason: " + why);
    String customer =
        surveys
            .contact(followupCase.contactId())
            .map(ContactView::displayName)
            .orElse("A customer");
    String surveyTitle =
        surveys.survey(followupCase.surveyId()).map(SurveySummary::title).orElse("our survey");
    outbox.enqueue(reassignmentMail.compose(followupCase, to, user, why, customer, surveyTitle));
    return followupCase;
  }

  /**
   * Opens a closed case again, with a fresh due time.
   *
   * @throws StateConflictException when the case is not closed
   */
  @Transactional
  public FollowupCase reopen(String caseId, StaffUser user, String reason) {
    FollowupCase followupCase = get(caseId, user);
    requireRedirectRight(followupCase, user);
    String why = Reason.optional("reason", reason);
    followupCase.reopen(slaPolicy(), clock.millis());
    audit.record(caseId, user.id(), CaseEvent.REOPENED, why);
    return followupCase;
  }

  /** The case's audit trail, oldest first. */
  public List<CaseEvent> trail(String caseId) {
    return audit.trail(caseId);
  }

  /**
   * The contact's other cases that this user may see, newest first (at most 50): another team's
   * case is not even listed.
   */
  public List<FollowupCase> otherCasesOfContact(FollowupCase followupCase, StaffUser user) {
    CaseVisibility visibility = visibilityOf(user);
    return otherCasesOfContact(followupCase).stream().filter(visibility::canSee).toList();
  }

  /**
   * Whether the user may read what the customer wrote in this response: only when every case opened
   * for its comments is one they may see (its words are that case's words).
   */
  public boolean mayReadResponse(String responseId, StaffUser user) {
    CaseVisibility visibility = visibilityOf(user);
    return visibility.seesAll()
        || cases.ofResponse(responseId).stream().allMatch(visibility::canSee);
  }

  /** The contact's other cases, newest first (at most 50). */
  private List<FollowupCase> otherCasesOfContact(FollowupCase followupCase) {
    return cases.otherCasesOfContact(followupCase);
  }

  /** Active owners who could take a case, ordered by username. */
  public List<StaffUser> activeOwners() {
    return staff.withRole(Roles.OWNER);
  }

  /** Whether the user may reassign or reopen this case (pages show the forms only then). */
  public boolean mayRedirect(FollowupCase followupCase, StaffUser user) {
    return CaseAuthority.mayRedirect(followupCase, user, teamLeadOf(followupCase));
  }

  /** The root causes an owner may close a case with: the active ones, in order. */
  public List<RootCause> rootCauses() {
    return rootCauses.active();
  }

  /** Any entry of the taxonomy, active or not (closed cases keep pointing at old ones). */
  public Optional<RootCause> rootCause(String code) {
    return Optional.ofNullable(code == null ? null : rootCauses.find(code));
  }

  public String displayName(String userId) {
    return userId == null
        ? "Verbatim"
        : staff.findById(userId).map(StaffUser::displayName).orElse("(unknown)");
  }

  /** The one place that decides which SLA a reopened case gets. */
  private SlaPolicy slaPolicy() {
    return slaSettings.policy();
  }

  private void requireRedirectRight(FollowupCase followupCase, StaffUser user) {
    if (!mayRedirect(followupCase, user)) {
      throw new AccessDeniedException(
          "Only the case's owner, its team lead, managers and admins may reassign or reopen it.");
    }
  }

  private String teamLeadOf(FollowupCase followupCase) {
    if (followupCase.teamId() == null) {
      return null;
    }
    Team team = teams.find(followupCase.teamId());
    return team == null ? null : team.leadUserId();
  }

  private String teamFor(FollowupCase followupCase, String ownerId) {
    Team current = followupCase.teamId() == null ? null : teams.find(followupCase.teamId());
    if (current != null && current.memberIds().contains(ownerId)) {
      return current.id();
    }
    return teams.firstTeamOf(ownerId).map(Team::id).orElse(null);
  }

  private static String abbreviated(String text) {
    return text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }

  static boolean seesAllCases(StaffUser user) {
    return user.hasRole(Roles.MANAGER) || user.hasRole(Roles.ADMIN);
  }
}
