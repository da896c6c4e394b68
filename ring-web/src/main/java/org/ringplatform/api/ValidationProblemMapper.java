package org.ringplatform.api;

import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Routes Bean Validation failures to {@link ProblemExceptionMapper}. It exists only because the
 * JAX-RS runtime ships its own mapper for {@link ValidationException}, which would otherwise win
 * over a mapper for {@code Throwable}.
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(ValidationException exception) {
    return new ProblemExceptionMapper(uriInfo).toResponse(exception);
  }
}
