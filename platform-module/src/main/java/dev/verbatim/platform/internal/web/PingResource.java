package dev.verbatim.platform.internal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/ping}: 204 while the application serves requests. No login and no database,
 * unlike {@code /health}, so a load balancer can probe it often; also the "trivial endpoint"
 * ceiling of the submission benchmark.
 */
@Path("/api/ping")
public class PingResource {
  @GET
  public Response ping() {
    return Response.noContent().build();
  }
}
