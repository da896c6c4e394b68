package org.ringplatform.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.ringplatform.identity.Role;

/**
 * Who is asking, for the pages: the caller's place on the role ladder, resolved from the groups the
 * security layer granted. Someone not signed in is a visitor.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private SecurityContext security;

  private Role role;

  public Role getRole() {
    if (role == null) {
      role = resolve();
    }
    return role;
  }

  private Role resolve() {
    Principal principal = security.getCallerPrincipal();
    if (principal == null) {
      return Role.VISITOR;
    }
    Role best = Role.SUBSCRIBER;
    for (Role candidate : Role.values()) {
      if (candidate.isPersistable()
          && security.isCallerInRole(candidate.id())
          && candidate.atLeast(best)) {
        best = candidate;
      }
    }
    return best;
  }

  public boolean isSignedIn() {
    return getRole() != Role.VISITOR;
  }

  /** True when the caller's role is at least the role with this id. */
  public boolean atLeast(String roleId) {
    return Role.fromId(roleId).map(getRole()::atLeast).orElse(false);
  }
}
