package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.api.ContactView;
import dev.verbatim.survey.internal.application.ContactService;
import dev.verbatim.survey.internal.domain.Contact;
import dev.verbatim.survey.internal.domain.ContactInput;
import dev.verbatim.survey.internal.persistence.ContactExport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.List;

/**
 * Contacts: add one (201, or 200 when the email already existed and was updated), add many, search
 * (email, name or attribute value), export as CSV.
 */
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ContactResource {
  @Inject ContactService contacts;
  @Inject ContactExport export;

  public record ContactPageJson(List<ContactView> items, long total, int page, int size) {}

  @POST
  public Response add(@NotNull ContactInput input) {
    ContactService.Saved saved = contacts.save(input);
    ContactView view = saved.contact().toView();
    return saved.created()
        ? Response.created(URI.create("/api/contacts/" + view.id())).entity(view).build()
        : Response.ok(view).build();
  }

  @POST
  @Path("bulk")
  public ContactService.BulkResult addAll(@NotNull List<ContactInput> inputs) {
    return contacts.saveAll(inputs);
  }

  @GET
  public ContactPageJson search(
      @QueryParam("q") String query,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    ContactService.ContactPage found = contacts.search(query, page, size);
    return new ContactPageJson(
        found.contacts().stream().map(Contact::toView).toList(),
        found.total(),
        found.page(),
        found.size());
  }

  /** The contacts a search finds, as CSV written with SafeCsvWriter, streamed. */
  @GET
  @Path("export")
  @Produces("text/csv")
  public Response export(@QueryParam("q") String query) {
    StreamingOutput body = out -> ContactPages.writeExport(export, query, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
        .build();
  }
}
