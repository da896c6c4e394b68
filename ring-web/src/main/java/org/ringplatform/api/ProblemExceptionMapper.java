package org.ringplatform.api;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.platform.RingException;

/**
 * Turns every exception that escapes a resource into an RFC 9457 problem body. Client mistakes
 * (malformed JSON, invalid fields, unknown paths, wrong methods) answer 4xx with a message the
 * caller can act on; anything unexpected answers 500 with an incident id that is logged with the
 * stack trace, which never leaves the server.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

  @Context private UriInfo uriInfo;
  @Context private jakarta.ws.rs.core.SecurityContext security;

  public ProblemExceptionMapper() {
    // Instantiated by the JAX-RS runtime, which injects the UriInfo.
  }

  /** For mappers that share this one's rules. */
  ProblemExceptionMapper(UriInfo uriInfo) {
    this.uriInfo = uriInfo;
  }

  @Override
  public Response toResponse(Throwable exception) {
    if (exception instanceof RingException re) {
      List<Problem.FieldError> errors =
          re.field() == null
              ? List.of()
              : List.of(new Problem.FieldError(re.field(), re.getMessage()));
      return respond(
          re.kind().status(), title(re.kind().status()), re.getMessage(), errors, re.code());
    }
    if (exception instanceof jakarta.ejb.EJBException ejb
        && ejb.getCause() != null
        && ejb.getCause() != ejb) {
      return toResponse(ejb.getCause());
    }
    if (exception instanceof WebApplicationException wae) {
      return fromWebApplicationException(wae);
    }
    if (exception instanceof ConstraintViolationException cve) {
      return validation(cve);
    }
    if (isMalformedInput(exception)) {
      return respond(
          400,
          "Malformed request body",
          "The request body is not valid JSON for this operation.",
          List.of());
    }
    if (exception instanceof ValidationException) {
      return respond(400, "Invalid request", "The request could not be validated.", List.of());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unhandled API error, incident " + incident, exception);
    return respond(
        500,
        "Internal error",
        "Something went wrong on our side. Quote incident " + incident + " if you report it.",
        List.of());
  }

  private Response fromWebApplicationException(WebApplicationException wae) {
    Response original = wae.getResponse();
    int status = original.getStatus();
    if (status == 403 && (security == null || security.getUserPrincipal() == null)) {
      // The role check found nobody signed in: that is a missing credential, not a refusal.
      return respond(401, "Unauthorized", "Sign in: send a bearer access token.", List.of());
    }
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "API error " + status + ", incident " + incident, wae);
      return respond(status, "Internal error", "Incident " + incident, List.of());
    }
    if (isMalformedInput(wae.getCause())) {
      return respond(
          400,
          "Malformed request body",
          "The request body is not valid JSON for this operation.",
          List.of());
    }
    Response.StatusType type = original.getStatusInfo();
    String title = type.getReasonPhrase() == null ? "Error" : type.getReasonPhrase();
    String detail =
        switch (status) {
          case 401 -> "Sign in: send a bearer access token.";
          case 404 -> "There is nothing at this address.";
          case 405 -> "This address does not accept the " + "method used; see the Allow header.";
          case 406 -> "The requested media type is not available here.";
          case 415 -> "The request body has a media type this operation does not accept.";
          default -> safeMessage(wae.getMessage(), title);
        };
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(problem(status, title, detail, List.of()));
    if (status == 401) {
      builder.header("WWW-Authenticate", "Bearer realm=\"ring\"");
    }
    // Keep headers that tell the client how to retry (Allow on 405, WWW-Authenticate on 401).
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (status == 401 && name.equalsIgnoreCase("WWW-Authenticate")) {
                return;
              }
              if (name.equalsIgnoreCase("Allow")
                  || name.equalsIgnoreCase("WWW-Authenticate")
                  || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(v -> builder.header(name, v));
              }
            });
    return builder.build();
  }

  private Response validation(ConstraintViolationException cve) {
    List<Problem.FieldError> errors =
        cve.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return respond(400, "Invalid request", "One or more fields are invalid.", errors);
  }

  /** The last bean or parameter name of the violation path: what the caller calls the field. */
  static String fieldName(ConstraintViolation<?> violation) {
    String name = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        name = node.getName();
      }
    }
    return name == null ? "request" : name;
  }

  private static boolean isMalformedInput(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JsonbException
          || c instanceof JsonParsingException
          || c instanceof jakarta.json.JsonException
          || c instanceof ProcessingException) {
        return true;
      }
    }
    return false;
  }

  private static String safeMessage(String message, String fallback) {
    // Framework messages can quote internals (class names, stack frames); only short plain ones
    // pass.
    if (message == null
        || message.length() > 200
        || message.contains("Exception")
        || message.contains("\n")) {
      return fallback;
    }
    return message;
  }

  private Response respond(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    return respond(status, title, detail, errors, null);
  }

  private Response respond(
      int status, String title, String detail, List<Problem.FieldError> errors, String code) {
    Problem p = problem(status, title, detail, errors);
    if (code != null) {
      p = new Problem(p.type(), p.title(), p.status(), p.detail(), p.instance(), p.errors(), code);
    }
    Response.ResponseBuilder b = Response.status(status).type(Problem.MEDIA_TYPE).entity(p);
    if (status == 401) {
      b.header("WWW-Authenticate", "Bearer realm=\"ring\"");
    }
    return b.build();
  }

  private static String title(int status) {
    Response.Status s = Response.Status.fromStatusCode(status);
    if (s != null) {
      return s.getReasonPhrase();
    }
    return switch (status) {
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      default -> "Error";
    };
  }

  private Problem problem(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    String path = uriInfo == null ? null : "/api/" + uriInfo.getPath().replaceFirst("^/", "");
    return new Problem("about:blank", title, status, detail, path, errors, null);
  }
}
