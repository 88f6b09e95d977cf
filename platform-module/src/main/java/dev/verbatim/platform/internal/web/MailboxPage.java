package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.internal.domain.CaughtMail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in mail catcher's inbox: every mail Verbatim would have sent, newest first, links
 * clickable.
 */
@Path("/app/mailbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class MailboxPage {
  static final int PAGE_SIZE = 25;
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @PersistenceContext(unitName = "verbatim")
  EntityManager em;

  @Inject PageRenderer pages;

  @GET
  public String list(@QueryParam("page") @DefaultValue("1") int page, @QueryParam("to") String to) {
    int current = Math.max(page, 1);
    String filter = to == null || to.isBlank() ? null : to.strip().toLowerCase();
    String where = filter == null ? "" : " WHERE LOWER(m.recipient) LIKE :to";
    var query =
        em.createQuery(
            "SELECT m FROM CaughtMail m" + where + " ORDER BY m.caughtAt DESC", CaughtMail.class);
    var count = em.createQuery("SELECT COUNT(m) FROM CaughtMail m" + where, Long.class);
    if (filter != null) {
      query.setParameter("to", "%" + filter + "%");
      count.setParameter("to", "%" + filter + "%");
    }
    long total = count.getSingleResult();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CaughtMail mail :
        query.setFirstResult((current - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList()) {
      rows.add(
          Map.of(
              "id",
              mail.id(),
              "to",
              mail.recipient(),
              "subject",
              mail.subject(),
              "kind",
              mail.kind(),
              "time",
              TIME.format(Instant.ofEpochMilli(mail.caughtAt()))));
    }
    long pagesTotal = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    return pages.staffPage(
        "platform/mailbox",
        "Mailbox",
        Map.of(
            "mails",
            rows,
            "total",
            total,
            "page",
            current,
            "pages",
            pagesTotal,
            "to",
            filter == null ? "" : filter,
            "hasPrevious",
            current > 1,
            "previous",
            current - 1,
            "hasNext",
            current < pagesTotal,
            "next",
            current + 1));
  }

  @GET
  @Path("{id}")
  public String show(@PathParam("id") String id) {
    CaughtMail mail = em.find(CaughtMail.class, id);
    if (mail == null) {
      throw new ResourceNotFoundException("No such mail in the mailbox.");
    }
    return pages.staffPage(
        "platform/mail",
        mail.subject(),
        Map.of(
            "mail",
            mail,
            "time",
            TIME.format(Instant.ofEpochMilli(mail.caughtAt())),
            "links",
            links(mail.textBody()),
            "hasHtml",
            mail.htmlBody() != null,
            "srcdoc",
            mail.htmlBody() == null ? "" : "<base target=\"_top\">" + mail.htmlBody()));
  }

  static List<String> links(String text) {
    LinkedHashSet<String> found = new LinkedHashSet<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return new ArrayList<>(found);
  }
}
