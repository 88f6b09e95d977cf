package dev.verbatim.followup.internal.infrastructure;

import dev.verbatim.followup.internal.domain.FollowupCase;
import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.survey.api.ContactView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's reply to the customer, quoting the customer's own comment below it. */
@ApplicationScoped
public class CustomerReplyMail {
  @Inject MailTemplates templates;

  public OutboundMail compose(
      FollowupCase followupCase,
      ContactView contact,
      String surveyTitle,
      StaffUser author,
      String reply) {
    Map<String, Object> model = new HashMap<>();
    model.put("customer", contact.name() == null ? "there" : contact.name());
    model.put("reply", reply);
    model.put("replyParagraphs", List.of(reply.split("\\R\\s*\\R")));
    model.put("owner", author.displayName());
    model.put("survey", surveyTitle);
    model.put("comment", followupCase.comment());
    model.put("quoted", "> " + followupCase.comment().replaceAll("\\R", "\n> "));
    return OutboundMail.of(
        "customer-reply",
        contact.email(),
        contact.name(),
        "Re: your feedback on " + surveyTitle,
        templates.text("followup/customer-reply.txt", model),
        templates.html("followup/customer-reply.html", model));
  }
}
