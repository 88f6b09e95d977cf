package load;

import it.support.ApiClient;
import it.support.FallbackOwner;
import it.support.Names;
import it.support.StaffMember;
import it.support.SurveyFixtures;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares N personal survey links on a running server: a published NPS + optional comment survey
 * (fallback owner and a manager created for it), N fresh contacts added through {@code POST
 * /api/contacts/bulk} in chunks, one distribution per chunk, and the links read from the invitation
 * mails as they arrive at a {@link MailSink} (nothing is kept but the tokens). Fresh contacts are
 * never throttled, so the sending settings are left alone.
 */
public final class PersonalLinks {
  /** Contacts per bulk request and per distribution (one transaction each on the server). */
  public static final int CHUNK = 1_000;

  private static final int PAGE = 200;
  private static final Pattern TOKEN = Pattern.compile("/s/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])");

  /** A published survey and the tokens of its personal links, one per fresh contact. */
  public record Prepared(ApiClient manager, String surveyId, String title, List<String> tokens) {
    /** A fresh queue of the tokens, for {@link LoadRunner}. */
    public ConcurrentLinkedQueue<String> queue() {
      return new ConcurrentLinkedQueue<>(tokens);
    }
  }

  private PersonalLinks() {}

  /**
   * Creates the survey and {@code n} invited contacts, and waits (at most {@code mailTimeout}
   * without a new invitation arriving) until all {@code n} links have been read from {@code sink}.
   * Takes over the sink's listener.
   */
  public static Prepared prepare(ApiClient admin, MailSink sink, int n, Duration mailTimeout) {
    String run = Names.suffix();
    StaffMember owner = StaffMember.create(admin, "owner", "Load Owner " + run);
    ApiClient manager = StaffMember.create(admin, "manager", "Load Manager " + run).logIn();
    FallbackOwner.assign(manager, owner);
    String title = "Load " + run;
    String surveyId = SurveyFixtures.publishedSurvey(manager, title);
    return new Prepared(
        manager, surveyId, title, invite(manager, sink, surveyId, title, run, n, mailTimeout));
  }

  /**
   * Adds {@code n} fresh contacts, sends survey {@code surveyId} (subject {@code title}) to them,
   * and returns the tokens read from their invitations.
   */
  public static List<String> invite(
      ApiClient manager,
      MailSink sink,
      String surveyId,
      String title,
      String run,
      int n,
      Duration mailTimeout) {
    String prefix = "load." + run + ".";
    ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
    sink.onMessage(
        (recipient, message) -> {
          if (recipient.startsWith(prefix)) {
            String token = tokenIn(message, title);
            if (token != null) {
              tokens.add(token);
            }
          }
        });
    for (int chunk = 0; chunk * CHUNK < n; chunk++) {
      int size = Math.min(CHUNK, n - chunk * CHUNK);
      String chunkPrefix = prefix + "c" + chunk + ".";
      List<Map<String, Object>> contacts = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        contacts.add(
            Map.of("email", chunkPrefix + i + "@example.com", "name", "Load customer " + i));
      }
      manager.postJson("/api/contacts/bulk", contacts).expectStatus(200);
      List<String> ids = contactIds(manager, chunkPrefix, size);
      SurveyFixtures.send(manager, surveyId, ids);
    }
    awaitAll(tokens, n, mailTimeout);
    sink.onMessage(null);
    return List.copyOf(tokens);
  }

  private static List<String> contactIds(ApiClient manager, String emailPrefix, int expected) {
    List<String> ids = new ArrayList<>(expected);
    for (int page = 1; ids.size() < expected; page++) {
      JsonObject found =
          manager
              .get("/api/contacts?q=" + emailPrefix + "&size=" + PAGE + "&page=" + page)
              .expectStatus(200)
              .json();
      List<JsonObject> items = found.getJsonArray("items").getValuesAs(JsonObject.class);
      if (items.isEmpty()) {
        break;
      }
      items.forEach(c -> ids.add(c.getString("id")));
    }
    if (ids.size() != expected) {
      throw new IllegalStateException(
          "found " + ids.size() + " contacts for " + emailPrefix + ", expected " + expected);
    }
    return ids;
  }

  private static void awaitAll(ConcurrentLinkedQueue<String> tokens, int n, Duration quiet) {
    int seen = -1;
    long lastProgress = System.nanoTime();
    while (tokens.size() < n) {
      int now = tokens.size();
      if (now != seen) {
        seen = now;
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > quiet.toNanos()) {
        throw new IllegalStateException(
            "only " + now + " of " + n + " invitations arrived; none for " + quiet);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for invitations", e);
      }
    }
  }

  /** The personal link's token in an invitation with this subject, or null. */
  static String tokenIn(MimeMessage message, String subject) {
    try {
      if (!subject.equals(message.getSubject())) {
        return null;
      }
      return tokenInPart(message);
    } catch (Exception e) {
      return null;
    }
  }

  private static String tokenInPart(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      Matcher m = TOKEN.matcher((String) part.getContent());
      return m.find() ? m.group(1) : null;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String token = tokenInPart(multipart.getBodyPart(i));
        if (token != null) {
          return token;
        }
      }
    }
    return null;
  }
}
