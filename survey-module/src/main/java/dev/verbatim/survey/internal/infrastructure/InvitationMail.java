package dev.verbatim.survey.internal.infrastructure;

import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.PublicUrls;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.Survey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The invitation email: a short personal note and the customer's own link. */
@ApplicationScoped
public class InvitationMail {
  @Inject MailTemplates templates;
  @Inject PublicUrls links;

  public OutboundMail compose(Survey survey, Contact contact, String token) {
    Map<String, Object> model = new HashMap<>();
    model.put("name", contact.name() == null ? "there" : contact.name());
    model.put("title", survey.title());
    model.put(
        "intro",
        survey.intro() == null
            ? "We would love to hear how we are doing. It takes less than a minute."
            : survey.intro());
    model.put("link", links.absolute("/s/" + token));
    return OutboundMail.of(
        "invitation",
        contact.email(),
        contact.name(),
        survey.title(),
        templates.text("survey/invitation-mail.txt", model),
        templates.html("survey/invitation-mail.html", model));
  }
}
