package org.ringplatform.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.security.web.Caller;

/** Who is asking, for the pages; someone not signed in is a visitor. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject private Caller caller;

  public Optional<AuthenticatedUser> user() {
    return caller.find();
  }

  public Role getRole() {
    return caller.find().map(AuthenticatedUser::role).orElse(Role.VISITOR);
  }

  public boolean isSignedIn() {
    return caller.find().isPresent();
  }

  public String getDisplayName() {
    return caller.find().map(AuthenticatedUser::displayName).orElse("");
  }

  /** True when the caller's role is at least the role with this id. */
  public boolean atLeast(String roleId) {
    return Role.fromId(roleId).map(getRole()::atLeast).orElse(false);
  }
}
