package dev.verbatim.survey.internal.web;

import dev.verbatim.platform.api.Roles;
import dev.verbatim.survey.internal.application.imports.ContactImportService;
import dev.verbatim.survey.internal.application.imports.ImportStatus;
import dev.verbatim.survey.internal.application.imports.RowProblem;
import dev.verbatim.survey.internal.application.imports.Upload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Contact CSV import: {@code POST /api/contacts/imports} (the file as {@code text/csv}, or the
 * {@code file} field of a multipart form) answers 202 with the job's address; {@code GET} there
 * shows its progress and the rejected rows.
 */
@Path("/api/contacts/imports")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class ContactImportResource {
  @Inject ContactUploads uploads;
  @Inject ContactImportService imports;

  public record RowErrorJson(int line, String column, String reason) {}

  public record ImportJson(
      String id,
      String fileName,
      String status,
      String mapping,
      int total,
      int processed,
      int percent,
      int created,
      int updated,
      int rejected,
      String problem,
      List<RowErrorJson> errors,
      boolean moreErrorsThanShown) {
    static ImportJson of(ImportStatus s) {
      return new ImportJson(
          s.id(),
          s.fileName(),
          s.status(),
          s.mapping(),
          s.total(),
          s.processed(),
          s.percent(),
          s.created(),
          s.updated(),
          s.rejected(),
          s.problem(),
          s.errors().stream().map(ContactImportResource::json).toList(),
          s.moreErrorsThanShown());
    }
  }

  static RowErrorJson json(RowProblem p) {
    return new RowErrorJson(p.line(), p.column(), p.reason());
  }

  @POST
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  public Response importFile(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") Long contentLength,
      @QueryParam("fileName") String fileName,
      @QueryParam("ignore") String ignore) {
    return started(uploads.receive(body, contentType, contentLength, fileName), ignore);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response importForm(
      InputStream body,
      @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") Long contentLength,
      @QueryParam("ignore") String ignore) {
    Upload upload = uploads.receive(body, contentType, contentLength, null);
    String ignored = ignore != null ? ignore : upload.fields().get("ignore");
    return started(upload, ignored);
  }

  private Response started(Upload upload, String ignore) {
    String id = imports.start(upload, ContactUploads.columns(ignore));
    return Response.accepted(ImportJson.of(imports.status(id)))
        .location(URI.create("/api/contacts/imports/" + id))
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public ImportJson status(@PathParam("id") String id) {
    return ImportJson.of(imports.status(id));
  }
}
