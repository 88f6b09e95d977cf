package dev.verbatim.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The one JAX-RS application. Resources and providers are discovered in the module jars: {@code
 * /api/...} is the JSON API, {@code /app/...} the staff pages, {@code /s/...} the customer's survey
 * page, {@code /login} the staff login.
 */
@ApplicationPath("/")
public class VerbatimApplication extends Application {}
