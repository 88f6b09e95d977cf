package dev.verbatim.followup.internal.application;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.followup.internal.domain.ReplyTemplate;
import dev.verbatim.followup.internal.persistence.ReplyTemplateRepository;
import dev.verbatim.platform.api.Ids;
import dev.verbatim.platform.api.ResourceNotFoundException;
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
import java.util.List;

/** Reply templates: managers maintain them, owners start their replies from them. */
@ApplicationScoped
public class ReplyTemplateService {
  @Inject ReplyTemplateRepository templates;

  @Inject Clock clock;
  @Inject SurveyDirectory surveys;
  @Inject StaffDirectory staff;

  public List<ReplyTemplate> list() {
    return templates.all();
  }

  public ReplyTemplate get(String id) {
    ReplyTemplate found = id == null ? null : templates.find(id);
    if (found == null) {
      throw new ResourceNotFoundException("There is no reply template with id " + id + ".");
    }
    return found;
  }

  @Transactional
  public ReplyTemplate create(String name, String body) {
    ReplyTemplate template = new ReplyTemplate(Ids.newId(), name, body, clock.millis());
    requireUniqueName(template.name(), null);
    templates.add(template);
    return template;
  }

  @Transactional
  public ReplyTemplate update(String id, String name, String body) {
    ReplyTemplate template = get(id);
    template.change(name, body);
    requireUniqueName(template.name(), id);
    return template;
  }

  @Transactional
  public void delete(String id) {
    templates.remove(get(id));
  }

  /** The template filled in for this case, ready to edit in the reply box. */
  public String renderFor(String templateId, FollowupCase c, StaffUser owner) {
    String customer =
        surveys.contact(c.contactId()).map(ContactView::name).filter(n -> !n.isBlank()).orElse("");
    String survey = surveys.survey(c.surveyId()).map(SurveySummary::title).orElse("");
    String ownerName =
        staff.findById(c.ownerId()).map(StaffUser::displayName).orElse(owner.displayName());
    return get(templateId)
        .render(new ReplyTemplate.Values(customer, survey, c.comment(), ownerName));
  }

  private void requireUniqueName(String name, String exceptId) {
    boolean taken = templates.named(name).stream().anyMatch(t -> !t.id().equals(exceptId));
    if (taken) {
      throw new StateConflictException("There is already a reply template named '" + name + "'.");
    }
  }
}
