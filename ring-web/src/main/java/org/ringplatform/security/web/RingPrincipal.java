package org.ringplatform.security.web;

import jakarta.security.enterprise.CallerPrincipal;
import org.ringplatform.identity.AuthenticatedUser;

/** The caller principal of a portal sign-in, carrying the account's identity. */
public class RingPrincipal extends CallerPrincipal {

  private static final long serialVersionUID = 1L;

  private final AuthenticatedUser user;

  public RingPrincipal(AuthenticatedUser user) {
    super(user.email());
    this.user = user;
  }

  public AuthenticatedUser user() {
    return user;
  }
}
