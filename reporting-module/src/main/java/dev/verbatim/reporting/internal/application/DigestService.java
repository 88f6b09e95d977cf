package dev.verbatim.reporting.internal.application;

import dev.verbatim.platform.api.MailTemplates;
import dev.verbatim.platform.api.OutboundMail;
import dev.verbatim.platform.api.Outbox;
import dev.verbatim.platform.api.PublicUrls;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.platform.api.StaffDirectory;
import dev.verbatim.platform.api.StaffUser;
import dev.verbatim.reporting.internal.domain.DigestSchedule;
import dev.verbatim.reporting.internal.domain.Headline;
import dev.verbatim.reporting.internal.domain.ReportFilter;
import dev.verbatim.reporting.internal.persistence.DigestSentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The digest to program managers: the last period's headline, the change since the period before,
 * the three most recent detractor comments and the overdue cases, queued in the outbox.
 *
 * <p>A scheduled period is sent once, however many servers run the schedule: a run first claims the
 * period ({@link #claim}) and composes nothing unless it did. The claim is the period's row in
 * {@code rpt_digest_sent}, written under an exclusive lock of that small table, so the runs of all
 * servers take turns: the first inserts the row and queues the mails, the others wait for its
 * commit, then find the row and stop ("done elsewhere", logged at FINE: no duplicate key, no error,
 * no warning). The lock is only taken by these runs (nothing else writes the table) and is held for
 * one digest's composition, well below the lock wait timeouts of Derby (60 s) and PostgreSQL
 * (none).
 *
 * <p>The claim and the outbox rows of the digest are one transaction: a server that crashes after
 * claiming rolls both back (the lock goes with its connection), so the period is not marked sent
 * without its mails; the other servers, whose timers fire at the same scheduled time and wait on
 * the lock, then send it. (A claim committed in a transaction of its own would instead need a lease
 * and a takeover after a crash; there is nothing to gain from that here, since composing a digest
 * is short.)
 */
@ApplicationScoped
public class DigestService {
  private static final Logger LOG = Logger.getLogger(DigestService.class.getName());

  @Inject DigestSentRepository sent;
  @Inject ReportService reports;
  @Inject StaffDirectory staff;
  @Inject Outbox outbox;
  @Inject MailTemplates templates;
  @Inject PublicUrls urls;

  /**
   * Sends the scheduled digest for the period unless it was sent already (by this server or
   * another); true when this call sent it.
   */
  @Transactional
  public boolean sendScheduled(DigestSchedule.Period period, long now) {
    if (!claim(period, now)) {
      LOG.fine(() -> "Digest for " + period.key() + " was done elsewhere (already sent)");
      return false;
    }
    send(period);
    return true;
  }

  /**
   * A manager's "Send digest now": always sends, covering the days up to and including today
   * (seven, or one when the schedule is daily); returns the period.
   */
  @Transactional
  public DigestSchedule.Period sendNow(DigestSchedule schedule, long now) {
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L));
    int days = "daily".equals(schedule.frequency()) ? 1 : 7;
    DigestSchedule.Period period =
        new DigestSchedule.Period("now:" + today, today.minusDays(days - 1L), today);
    send(period);
    return period;
  }

  /** Records the period as sent unless it was: true when this transaction holds it. */
  private boolean claim(DigestSchedule.Period period, long now) {
    return sent.claim(period.key(), now);
  }

  private int send(DigestSchedule.Period period) {
    Map<String, Object> model = model(period);
    String html = templates.html("reporting/digest.html", model);
    String text = templates.text("reporting/digest.txt", model);
    String subject = "Verbatim digest " + period.from() + " to " + period.to();
    List<StaffUser> managers = staff.withRole(Roles.MANAGER);
    for (StaffUser m : managers) {
      outbox.enqueue(OutboundMail.of("digest", m.email(), m.displayName(), subject, text, html));
    }
    return managers.size();
  }

  Map<String, Object> model(DigestSchedule.Period period) {
    ReportFilter now = ReportFilter.ALL.withPeriod(period.from(), period.to());
    DigestSchedule.Period before = period.previous();
    Headline h = reports.headline(now);
    Headline p = reports.headline(ReportFilter.ALL.withPeriod(before.from(), before.to()));
    Map<String, Object> m = new HashMap<>();
    m.put("from", period.from().toString());
    m.put("to", period.to().toString());
    List<Map<String, Object>> figures = new ArrayList<>();
    figures.add(figure("Responses", h.responses().doubleValue(), p.responses().doubleValue(), ""));
    figures.add(figure("NPS", h.nps(), p.nps(), ""));
    figures.add(figure("Replied", h.repliedPct(), p.repliedPct(), " %"));
    figures.add(figure("Closed", h.closedPct(), p.closedPct(), " %"));
    figures.add(figure("SLA met", h.slaMetPct(), p.slaMetPct(), " %"));
    m.put("figures", figures);
    m.put("empty", h.responses() == 0);
    m.put("overdue", h.overdueNow());
    m.put(
        "overdueLink",
        urls.absolute(
            "/app/reports/verbatims?status=overdue&from=" + period.from() + "&to=" + period.to()));
    m.put("reportLink", urls.absolute("/app/reports?from=" + period.from() + "&to=" + period.to()));
    m.put("verbatims", reports.read(q -> q.recentDetractorComments(now, 3)));
    return m;
  }

  private static Map<String, Object> figure(String label, Double now, Double before, String unit) {
    Map<String, Object> f = new HashMap<>();
    f.put("label", label);
    f.put("value", now == null ? "–" : format(now) + unit);
    f.put("bar", now == null ? 0 : (int) Math.max(0, Math.min(100, Math.abs(now))));
    String change;
    if (now == null || before == null) {
      change = "no change to compare";
    } else if (now > before) {
      change = "▲ " + format(now - before) + " since the period before";
    } else if (now < before) {
      change = "▼ " + format(before - now) + " since the period before";
    } else {
      change = "= unchanged since the period before";
    }
    f.put("change", change);
    return f;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format("%.1f", v);
  }
}
