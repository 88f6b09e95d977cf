package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PageRenderer;
import dev.verbatim.platform.api.PayloadTooLargeException;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.application.imports.ContactImportService;
import dev.verbatim.survey.internal.application.imports.ImportStatus;
import dev.verbatim.survey.internal.application.imports.Upload;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.persistence.ContactExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contacts page: search, pages of 50, add one contact, import a CSV file (with a progress page
 * that reloads itself while the import runs) and export what the search found as CSV.
 */
@Path("/app/contacts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ContactPages {
  static final int PAGE_SIZE = 50;

  @Inject PageRenderer pages;
  @Inject ContactService contacts;
  @Inject ContactExport export;
  @Inject ContactUploads uploads;
  @Inject ContactImportService imports;

  @GET
  public String list(
      @QueryParam("q") String query, @QueryParam("page") @DefaultValue("1") int page) {
    return contactPage(query, page, Map.of(), Map.of(), null);
  }

  private String contactPage(
      String query,
      int page,
      Map<String, String> values,
      Map<String, String> errors,
      String notice) {
    ContactService.ContactPage found = contacts.search(query, page, PAGE_SIZE);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Contact c : found.contacts()) {
      var view = c.toView();
      rows.add(
          Map.of(
              "email",
              view.email(),
              "name",
              view.name() == null ? "" : view.name(),
              "attributes",
              view.attributes().entrySet().stream()
                  .map(e -> e.getKey() + ": " + e.getValue())
                  .sorted()
                  .toList()));
    }
    String q = query == null ? "" : query.strip();
    String qParam = URLEncoder.encode(q, StandardCharsets.UTF_8);
    long pageCount = Math.max(1, (found.total() + found.size() - 1) / found.size());
    Map<String, Object> model = new HashMap<>();
    model.put("contacts", rows);
    model.put("total", found.total());
    model.put("q", q);
    model.put("qParam", qParam);
    model.put("filtered", !q.isEmpty());
    model.put("page", found.page());
    model.put("pages", pageCount);
    model.put("pageLinks", pageLinks(found.page(), pageCount, qParam));
    model.put("hasPrevious", found.page() > 1);
    model.put("previous", found.page() - 1);
    model.put("hasNext", found.page() < pageCount);
    model.put("next", found.page() + 1);
    model.put("values", values);
    model.put("errors", errors);
    model.put("notice", notice);
    model.put("maxSize", ContactUploads.megabytes(uploads.maxBytes));
    return pages.staffPage("survey/contacts", "Contacts", model);
  }

  /** First, last and two either side of the current page; gaps shown as an ellipsis. */
  static List<Map<String, Object>> pageLinks(long current, long count, String qParam) {
    List<Map<String, Object>> links = new ArrayList<>();
    long last = 0;
    for (long p = 1; p <= count; p++) {
      if (p == 1 || p == count || Math.abs(p - current) <= 2) {
        if (last > 0 && p > last + 1) {
          links.add(Map.of("gap", true));
        }
        links.add(
            Map.of(
                "number",
                p,
                "current",
                p == current,
                "href",
                "/app/contacts?page=" + p + (qParam.isEmpty() ? "" : "&q=" + qParam)));
        last = p;
      }
    }
    return links;
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response addContact(MultivaluedMap<String, String> form) {
    Map<String, String> attributes = new HashMap<>();
    String attributeText = form.getFirst("attributes");
    if (attributeText != null) {
      for (String line : attributeText.split("\\R")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          attributes.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
    }
    try {
      ContactService.Saved saved =
          contacts.save(
              new ContactInput(form.getFirst("email"), form.getFirst("name"), attributes));
      return Response.ok(
              contactPage(
                  null,
                  1,
                  Map.of(),
                  Map.of(),
                  (saved.created() ? "Added " : "Updated ") + saved.contact().email() + "."))
          .build();
    } catch (InvalidInputException invalid) {
      Map<String, String> errors = new HashMap<>();
      invalid
          .errors()
          .forEach(
              e ->
                  errors.put(
                      e.field().startsWith("attributes") ? "attributes" : e.field(), e.message()));
      Map<String, String> values = new HashMap<>();
      form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
      return Response.status(400).entity(contactPage(null, 1, values, errors, null)).build();
    }
  }

  /** The upload form posts here (multipart; the CSRF token is in the query string). */
  @POST
  @Path("import")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response importFile(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") Long contentLength) {
    try {
      Upload upload = uploads.receive(body, contentType, contentLength, null);
      String id = imports.start(upload, ContactUploads.columns(upload.fields().get("ignore")));
      return Response.seeOther(URI.create("/app/contacts/imports/" + id)).build();
    } catch (InvalidInputException invalid) {
      return Response.status(400)
          .entity(
              contactPage(
                  null, 1, Map.of(), Map.of("file", invalid.errors().get(0).message()), null))
          .build();
    } catch (PayloadTooLargeException tooLarge) {
      return Response.status(413)
          .entity(contactPage(null, 1, Map.of(), Map.of("file", tooLarge.getMessage()), null))
          .build();
    }
  }

  @GET
  @Path("imports/{id}")
  public String importProgress(@PathParam("id") String id) {
    ImportStatus status = imports.status(id);
    Map<String, Object> model = new HashMap<>();
    model.put("import", status);
    model.put("running", !status.finished());
    model.put("failed", ImportStatus.FAILED.equals(status.status()));
    model.put("hasErrors", !status.errors().isEmpty());
    model.put(
        "statusText",
        switch (status.status()) {
          case ImportStatus.QUEUED -> "Waiting to start";
          case ImportStatus.RUNNING -> "Importing…";
          case ImportStatus.DONE -> "Finished";
          default -> "Stopped";
        });
    return pages.staffPage("survey/contact-import", "Contact import", model);
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  public Response exportCsv(@QueryParam("q") String query) {
    StreamingOutput body = out -> writeExport(export, query, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
        .build();
  }

  static void writeExport(ContactExport export, String query, OutputStream out) throws IOException {
    export.write(query, out);
  }
}
