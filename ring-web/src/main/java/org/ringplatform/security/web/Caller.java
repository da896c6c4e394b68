package org.ringplatform.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;

/** The authenticated caller of this request, as the authentication mechanism established it. */
@RequestScoped
public class Caller {

  @Inject private HttpServletRequest request;

  public Optional<AuthenticatedUser> find() {
    return request.getAttribute(RingAuthenticationMechanism.CALLER_ATTRIBUTE)
            instanceof AuthenticatedUser u
        ? Optional.of(u)
        : Optional.empty();
  }

  /** The caller, or a 401 refusal. */
  public AuthenticatedUser require() {
    return find()
        .orElseThrow(
            () ->
                new RingException(
                    RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first."));
  }
}
