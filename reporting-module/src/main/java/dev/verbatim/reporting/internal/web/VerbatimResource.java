package dev.verbatim.reporting.internal.web;

import dev.verbatim.platform.api.CurrentStaff;
import dev.verbatim.platform.api.Roles;
import dev.verbatim.reporting.internal.application.RevealService;
import dev.verbatim.reporting.internal.application.VerbatimPage;
import dev.verbatim.reporting.internal.application.VerbatimService;
import dev.verbatim.reporting.internal.persistence.RevealRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The comments behind any number (masked), their CSV, and the audited reveal of one comment. */
@Path("/api/reports/verbatims")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class VerbatimResource {
  @Inject VerbatimService verbatims;
  @Inject RevealService reveals;
  @Inject CurrentStaff currentStaff;

  @GET
  public VerbatimPage list(@BeanParam VerbatimParams params) {
    return verbatims.page(verbatims.resolve(params.filter()));
  }

  @GET
  @Path("csv")
  @Produces("text/csv")
  public Response csv(@BeanParam VerbatimParams params) {
    return WordsCsv.verbatims(verbatims, verbatims.resolve(params.filter()));
  }

  @POST
  @Path("{caseId}/reveal")
  public RevealService.Revealed reveal(@PathParam("caseId") String caseId) {
    return reveals.reveal(caseId, currentStaff.get());
  }

  /** Who revealed which comment when, newest first (admins). */
  @GET
  @Path("reveals")
  @RolesAllowed(Roles.ADMIN)
  public List<RevealRepository.RevealRecord> reveals() {
    return reveals.recent(100);
  }
}
