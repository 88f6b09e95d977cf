package dev.verbatim.reporting.internal.application;

import dev.verbatim.followup.api.FollowupDirectory;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.reporting.internal.domain.PersonalDataMask;
import dev.verbatim.reporting.internal.domain.VerbatimFilter;
import dev.verbatim.reporting.internal.persistence.CaseFactRepository;
import dev.verbatim.reporting.internal.persistence.CaseFactRepository.VerbatimRow;
import dev.verbatim.survey.api.SurveyDirectory;
import dev.verbatim.survey.api.SurveySummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The comments behind a number, filtered in the database and masked of personal data before they
 * leave this class.
 */
@ApplicationScoped
public class VerbatimService {
  private static final int EXPORT_CHUNK = 500;

  @Inject CaseFactRepository cases;
  @Inject SurveyDirectory surveys;
  @Inject FollowupDirectory followup;
  @Inject StaffDirectory staff;
  @Inject Clock clock;

  /**
   * Checks that the survey, team and owner exist (404 otherwise) and turns an owner username into
   * its id.
   */
  public VerbatimFilter resolve(VerbatimFilter filter) {
    if (filter.surveyId() != null && surveys.survey(filter.surveyId()).isEmpty()) {
      throw new ResourceNotFoundException("There is no survey with id " + filter.surveyId() + ".");
    }
    if (filter.teamId() != null && !followup.teamNames().containsKey(filter.teamId())) {
      throw new ResourceNotFoundException("There is no team with id " + filter.teamId() + ".");
    }
    if (filter.ownerId() != null) {
      StaffUser owner =
          staff
              .findById(filter.ownerId())
              .or(() -> staff.findByUsername(filter.ownerId()))
              .orElseThrow(
                  () ->
                      new ResourceNotFoundException(
                          "There is no member of staff " + filter.ownerId() + "."));
      return filter.withOwner(owner.id());
    }
    return filter;
  }

  public VerbatimPage page(VerbatimFilter filter) {
    long now = clock.millis();
    long total = cases.countVerbatims(filter, now);
    List<VerbatimRow> rows = cases.verbatimPage(filter, now);
    return new VerbatimPage(
        total, filter.page(), VerbatimFilter.PAGE_SIZE, new Views(now).of(rows));
  }

  /** Every matching verbatim, newest first, handed over in chunks: never all in memory. */
  public void export(VerbatimFilter filter, Consumer<Verbatim> out) {
    long now = clock.millis();
    Views views = new Views(now);
    List<VerbatimRow> chunk = new ArrayList<>();
    cases.eachVerbatim(
        filter,
        now,
        row -> {
          chunk.add(row);
          if (chunk.size() == EXPORT_CHUNK) {
            views.of(chunk).forEach(out);
            chunk.clear();
          }
        });
    views.of(chunk).forEach(out);
  }

  /** Up to {@code limit} newest verbatims of the filter (examples for themes and root causes). */
  public List<Verbatim> examples(VerbatimFilter filter, int limit) {
    List<Verbatim> page = page(filter).verbatims();
    return page.subList(0, Math.min(limit, page.size()));
  }

  /** The case's comment exactly as the customer wrote it, if the case has a fact. */
  public Optional<String> originalText(String caseId) {
    return cases.originalText(caseId);
  }

  /** Turns rows into views; names, titles and labels are looked up once per request. */
  private final class Views {
    private final long now;
    private final Map<String, String> ownerNames = new HashMap<>();
    private final Map<String, String> surveyTitles = new HashMap<>();
    private Map<String, String> rootCauses;

    Views(long now) {
      this.now = now;
    }

    List<Verbatim> of(List<VerbatimRow> rows) {
      if (rows.isEmpty()) {
        return List.of();
      }
      Map<String, List<Verbatim.Segment>> segments = segmentsOf(rows);
      List<Verbatim> out = new ArrayList<>(rows.size());
      for (VerbatimRow r : rows) {
        String masked = PersonalDataMask.mask(r.comment());
        out.add(
            new Verbatim(
                r.caseId(),
                r.surveyId(),
                surveyTitles.computeIfAbsent(
                    r.surveyId(),
                    id -> surveys.survey(id).map(SurveySummary::title).orElse("(deleted survey)")),
                masked == null ? "" : masked,
                masked != null && !masked.equals(r.comment()),
                r.score(),
                Verbatim.band(r.score()),
                segments.getOrDefault(r.contactId(), List.of()),
                status(r),
                r.ownerId(),
                r.ownerId() == null
                    ? null
                    : ownerNames.computeIfAbsent(
                        r.ownerId(),
                        id ->
                            staff
                                .findById(id)
                                .map(StaffUser::displayName)
                                .orElse("(former staff)")),
                r.teamId(),
                r.openedAt(),
                r.firstReplyAt() == null
                    ? null
                    : Math.max(0, (r.firstReplyAt() - r.openedAt()) / 60_000),
                r.rootCause(),
                r.rootCause() == null
                    ? null
                    : rootCauses().getOrDefault(r.rootCause(), r.rootCause())));
      }
      return out;
    }

    private String status(VerbatimRow r) {
      if ("CLOSED".equals(r.status())) {
        return "closed";
      }
      if (r.dueAt() != null && now > r.dueAt()) {
        return "overdue";
      }
      return r.firstReplyAt() != null ? "replied" : "open";
    }

    private Map<String, String> rootCauses() {
      if (rootCauses == null) {
        rootCauses = followup.rootCauseLabels();
      }
      return rootCauses;
    }

    private Map<String, List<Verbatim.Segment>> segmentsOf(List<VerbatimRow> rows) {
      List<Object> contactIds =
          rows.stream().map(VerbatimRow::contactId).distinct().map(id -> (Object) id).toList();
      Map<String, List<Verbatim.Segment>> byContact = new HashMap<>();
      cases.eachSegment(
          contactIds,
          (contactId, name, value) ->
              byContact
                  .computeIfAbsent(contactId, k -> new ArrayList<>())
                  .add(new Verbatim.Segment(name, value)));
      return byContact;
    }
  }
}
