package org.ringplatform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.ringplatform.security.web.RingAuthenticationMechanism;

/**
 * Answers 401 before any resource runs when the request carried a bearer token that could not be
 * verified (bad signature, wrong issuer, expired, {@code alg: none}, or an account that is
 * suspended or changed since). A client with a broken token learns it at once, on every path.
 */
@Provider
@PreMatching
public class BearerTokenRefusal implements ContainerRequestFilter {

  @Context private HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    Object reason = request.getAttribute(RingAuthenticationMechanism.TOKEN_ERROR_ATTRIBUTE);
    if (reason != null) {
      context.abortWith(
          Response.status(401)
              .type(Problem.MEDIA_TYPE)
              .header("WWW-Authenticate", "Bearer realm=\"ring\", error=\"invalid_token\"")
              .entity(
                  new Problem(
                      "about:blank",
                      "Unauthorized",
                      401,
                      String.valueOf(reason),
                      "/api/" + context.getUriInfo().getPath().replaceFirst("^/", ""),
                      List.of(),
                      "token_invalid"))
              .build());
    }
  }
}
