package dev.verbatim.platform.internal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the few static files (stylesheet) from the classpath folder {@code static/}. */
@Path("/static")
public class StaticResource {
  private static final Map<String, String> TYPES =
      Map.of("css", "text/css; charset=UTF-8", "svg", "image/svg+xml");

  @GET
  @Path("{name: [a-z0-9-]+\\.(css|svg)}")
  public Response file(@PathParam("name") String name) throws IOException {
    try (InputStream in =
        StaticResource.class.getClassLoader().getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new NotFoundException();
      }
      CacheControl cache = new CacheControl();
      cache.setMaxAge(3600);
      return Response.ok(in.readAllBytes(), TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
          .cacheControl(cache)
          .build();
    }
  }
}
