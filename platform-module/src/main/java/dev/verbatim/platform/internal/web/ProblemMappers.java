package dev.verbatim.platform.internal.web;

import dev.verbatim.platform.api.AccessDeniedException;
import dev.verbatim.platform.api.FieldError;
import dev.verbatim.platform.api.InvalidInputException;
import dev.verbatim.platform.api.PayloadTooLargeException;
import dev.verbatim.platform.api.ResourceNotFoundException;
import dev.verbatim.platform.api.StateConflictException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One mapper per kind of failure, all producing {@link ProblemResponses}. */
public final class ProblemMappers {
  private ProblemMappers() {}

  static Response malformedJson(UriInfo uri) {
    return ProblemResponses.problem(
        uri,
        400,
        "Malformed JSON",
        "The request body is not valid JSON of the expected shape.",
        List.of());
  }

  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(InvalidInputException e) {
      return ProblemResponses.problem(
          uri, 400, "Invalid input", "Some fields are missing or wrong.", e.errors());
    }
  }

  @Provider
  public static class BeanValidation implements ExceptionMapper<ConstraintViolationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
        errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
      }
      errors.sort((a, b) -> a.field().compareTo(b.field()));
      return ProblemResponses.problem(
          uri, 400, "Invalid input", "Some fields are missing or wrong.", errors);
    }

    /**
     * "create.arg0.questions[0].prompt" -> "questions[0].prompt": drop the method and parameter
     * nodes.
     */
    static String fieldName(Path path) {
      StringBuilder name = new StringBuilder();
      for (Path.Node node : path) {
        if (node.getKind() == jakarta.validation.ElementKind.METHOD
            || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
          continue;
        }
        if (node.getName() == null) {
          continue;
        }
        if (name.length() > 0) {
          name.append('.');
        }
        name.append(node.getName());
        if (node.getIndex() != null) {
          name.append('[').append(node.getIndex()).append(']');
        }
      }
      // An indexed container element appears on the next node: re-add the index where JSON names
      // it.
      return name.length() == 0 ? "body" : name.toString().replace(".[", "[");
    }
  }

  @Provider
  public static class NotFound implements ExceptionMapper<ResourceNotFoundException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ResourceNotFoundException e) {
      return ProblemResponses.problem(uri, 404, "Not found", e.getMessage(), List.of());
    }
  }

  @Provider
  public static class Conflict implements ExceptionMapper<StateConflictException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(StateConflictException e) {
      return ProblemResponses.problem(uri, 409, "Conflict", e.getMessage(), List.of());
    }
  }

  @Provider
  public static class Forbidden implements ExceptionMapper<AccessDeniedException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(AccessDeniedException e) {
      return ProblemResponses.problem(uri, 403, "Forbidden", e.getMessage(), List.of());
    }
  }

  @Provider
  public static class TooLarge implements ExceptionMapper<PayloadTooLargeException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(PayloadTooLargeException e) {
      return ProblemResponses.problem(
          uri,
          413,
          "Too large",
          e.getMessage(),
          List.of(new FieldError(e.field(), e.getMessage())));
    }
  }

  /**
   * A body that could not be read. JsonbException and ProcessingException themselves have no mapper
   * of their own: outside {@link BodyReadFailures} they mean a response could not be written, a bug
   * that {@link Unexpected} logs and answers 500.
   */
  @Provider
  public static class UnreadableBody implements ExceptionMapper<UnreadableBodyException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(UnreadableBodyException e) {
      return malformedJson(uri);
    }
  }

  @Provider
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 400 && causedBy(e, JsonbException.class)) {
        return malformedJson(uri);
      }
      if (status >= 300 && status < 400) {
        return e.getResponse();
      }
      Response.Status known = Response.Status.fromStatusCode(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail =
          switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 415 -> "Send the body as application/json.";
            case 406 -> "This address cannot answer in the requested format.";
            default -> title;
          };
      return ProblemResponses.problem(uri, status, title, detail, List.of());
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Anything unexpected: logged with an incident id; the client sees only the id. */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InvalidInputException invalid) {
          return new InvalidInput() {
            {
              uri = Unexpected.this.uri;
            }
          }.toResponse(invalid);
        }
        if (t instanceof UnreadableBodyException) {
          return malformedJson(uri);
        }
        if (t instanceof StateConflictException conflict) {
          return ProblemResponses.problem(uri, 409, "Conflict", conflict.getMessage(), List.of());
        }
      }
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
      return ProblemResponses.problem(
          uri,
          500,
          "Something went wrong",
          "Nothing was saved. Please try again; if it keeps happening, quote incident "
              + incident
              + ".",
          List.of());
    }
  }
}
