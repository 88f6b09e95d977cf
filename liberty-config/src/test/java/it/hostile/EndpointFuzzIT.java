package it.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.ApiClient;
import it.support.ApiResponse;
import it.support.Mailbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property: whatever arrives at any endpoint or form (broken JSON, wrong types, huge and deeply
 * nested bodies, invalid UTF-8, NUL, traversal and unknown ids in paths, odd headers), from a
 * stranger or from logged-in staff, the server answers without a 5xx or internals, the API answers
 * 4xx as problem+json, and rejected requests leave the data exactly as it was.
 *
 * <p>Endpoints come from the server's own {@code /openapi}, forms from crawling {@code /app} as an
 * admin and from the customer pages, so new ones are fuzzed without being listed here. One try
 * sends every operation and every form one mutation; the number of tries is {@code
 * jqwik.tries.default} (src/test/resources/junit-platform.properties; override with {@code
 * -Djqwik.tries.default=N}).
 */
class EndpointFuzzIT {
  /** Mutating requests between two fingerprints. */
  private static final int CHUNK = 12;

  private static Mailbox mailbox;
  private static OwnWorld world;
  private static RequestFactory factory;
  private static List<ApiOperation> operations;
  private static List<PageForms.Form> forms;

  /** Its own session, used for nothing but fingerprints, so no fuzzed request can log it out. */
  private static ApiClient reader;

  private static final AtomicInteger INPUTS = new AtomicInteger();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final AtomicInteger REJECTED_BY_CONTAINER = new AtomicInteger();
  private static final AtomicInteger ACCEPTED_MUTATIONS = new AtomicInteger();
  private static final AtomicInteger CHUNKS_COMPARED = new AtomicInteger();
  private static final AtomicInteger CHUNKS_WITH_ACCEPTED = new AtomicInteger();
  private static final Map<String, Integer> STATUSES = new TreeMap<>();
  private static final Map<String, Integer> ACCEPTED = new TreeMap<>();

  @BeforeContainer
  static void arrange() {
    mailbox = Mailbox.start();
    world = OwnWorld.create(mailbox);
    factory = new RequestFactory(world);
    reader = ApiClient.admin();
    operations = OpenApiCatalog.read();
    forms = new ArrayList<>();
    forms.addAll(
        PageForms.crawlStaffPages(
            world.admin,
            List.of(
                "/app/surveys/" + world.publishedSurveyId,
                "/app/surveys/" + world.draftSurveyId,
                "/app/cases/" + world.caseId,
                "/app/distributions/" + world.distributionId,
                "/app/reports/surveys/" + world.publishedSurveyId)));
    for (String customerPage :
        List.of(world.unanswered.page(), "/u/" + world.unanswered.token(), world.answered.page())) {
      ApiResponse page = world.admin.get(customerPage);
      forms.addAll(PageForms.formsOn(customerPage, PageForms.parse(customerPage, page.body())));
    }
    System.out.printf(
        "EndpointFuzzIT: %d API operations from /openapi, %d distinct page forms%n",
        operations.size(), forms.size());
    forms.forEach(f -> System.out.println("  form " + f.shape() + " on " + f.page()));
  }

  @AfterContainer
  static void report() {
    System.out.printf(
        "EndpointFuzzIT: %d hostile inputs tried against %d operations and %d forms; %d answered"
            + " 5xx; %d refused by Liberty before the application (undecodable path); %d mutating requests accepted; %d chunks of rejected requests compared"
            + " (data unchanged), %d chunks held an accepted request; statuses %s%n",
        INPUTS.get(),
        operations == null ? 0 : operations.size(),
        forms == null ? 0 : forms.size(),
        SERVER_ERRORS.get(),
        REJECTED_BY_CONTAINER.get(),
        ACCEPTED_MUTATIONS.get(),
        CHUNKS_COMPARED.get(),
        CHUNKS_WITH_ACCEPTED.get(),
        STATUSES);
    ACCEPTED.forEach((what, count) -> System.out.println("  accepted " + count + "x " + what));
    if (mailbox != null) {
      mailbox.close();
    }
  }

  @Provide
  Arbitrary<List<Mutation>> sweeps() {
    return Mutation.any().list().ofSize(operations.size() + forms.size());
  }

  @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void everyEndpointAndFormAnswersHostileInputWithA4xxOrSuccessAndRejectionsWriteNothing(
      @ForAll("sweeps") List<Mutation> sweep) {
    List<HostileRequest> requests = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      requests.add(factory.forOperation(operations.get(i), sweep.get(i)));
    }
    for (int i = 0; i < forms.size(); i++) {
      requests.add(factory.forForm(forms.get(i), sweep.get(operations.size() + i)));
    }
    Fingerprint before = Fingerprint.take(reader, Fingerprint.READS);
    List<String> chunk = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    boolean accepted = false;
    for (HostileRequest request : requests) {
      ApiResponse response;
      try {
        response = send(request);
      } catch (AssertionError violation) {
        // Keep going: one run reports every endpoint that misbehaves, not just the first.
        violations.add(violation.getMessage());
        continue;
      }
      if (!request.mutating()) {
        continue;
      }
      chunk.add(request + " -> " + response.status());
      if (acceptedBy(response)) {
        accepted = true;
        ACCEPTED_MUTATIONS.incrementAndGet();
        synchronized (ACCEPTED) {
          ACCEPTED.merge(request.target() + " -> " + response.status(), 1, Integer::sum);
        }
      }
      if (chunk.size() == CHUNK) {
        before = compare(before, chunk, accepted);
        chunk.clear();
        accepted = false;
      }
    }
    if (!chunk.isEmpty()) {
      compare(before, chunk, accepted);
    }
    assertThat(violations)
        .as(
            "%d of %d requests broke the rules:%n%s",
            violations.size(), requests.size(), String.join("\n\n", violations))
        .isEmpty();
  }

  /**
   * Whether the request got through: a 2xx, or a redirect other than to the login page or back to
   * the form with an error.
   */
  private static boolean acceptedBy(ApiResponse response) {
    if (response.status() >= 400) {
      return false;
    }
    String location = response.location() == null ? "" : response.location();
    return !location.contains("/login") && !location.contains("error=");
  }

  private static ApiResponse send(HostileRequest request) {
    INPUTS.incrementAndGet();
    ApiResponse response = request.send();
    synchronized (STATUSES) {
      STATUSES.merge(String.valueOf(response.status()), 1, Integer::sum);
    }
    if (response.status() >= 500) {
      SERVER_ERRORS.incrementAndGet();
    }
    if (ResponseRules.rejectedByContainer(response)) {
      REJECTED_BY_CONTAINER.incrementAndGet();
    }
    ResponseRules.check(response, request.toString());
    return response;
  }

  /** Takes the next fingerprint; when every request of the chunk was rejected, they must match. */
  private static Fingerprint compare(Fingerprint before, List<String> chunk, boolean accepted) {
    Fingerprint after = Fingerprint.take(reader, Fingerprint.READS);
    if (accepted) {
      CHUNKS_WITH_ACCEPTED.incrementAndGet();
      return after;
    }
    CHUNKS_COMPARED.incrementAndGet();
    assertThat(before.differencesFrom(after))
        .as("data changed by these rejected requests:%n%s", String.join("\n", chunk))
        .isEmpty();
    return after;
  }
}
