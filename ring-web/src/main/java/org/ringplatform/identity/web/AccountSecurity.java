package org.ringplatform.identity.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.RememberMeService;
import org.ringplatform.identity.RememberMeService.Device;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.security.web.RingAuthenticationMechanism;

/**
 * The security page ({@code /account/security}): change the password (this session goes on, every
 * other one ends) and forget remembered devices.
 */
@Named
@ViewScoped
public class AccountSecurity implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountService accounts;
  @Inject private RememberMeService rememberMe;
  @Inject private Caller caller;

  private String currentPassword;
  private String newPassword;
  private String confirmation;
  // Not kept in the session: reloaded when missing (ids, not rows, in a replicated session).
  private transient List<Device> devices;

  public void changePassword() {
    String current = currentPassword == null ? "" : currentPassword;
    String next = newPassword == null ? "" : newPassword;
    String again = confirmation == null ? "" : confirmation;
    currentPassword = null;
    newPassword = null;
    confirmation = null;
    if (!next.equals(again)) {
      PageMessages.error("password", "confirmation", "validation.passwordsDiffer");
      return;
    }
    try {
      AuthenticatedUser user =
          accounts.changePassword(caller.require().id(), current.toCharArray(), next.toCharArray());
      RingAuthenticationMechanism.refreshSession(
          (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
          user);
      devices = null;
      PageMessages.info("security.passwordChanged");
    } catch (RingException e) {
      PageMessages.refusal(e, "password");
    }
  }

  /** Forgets one remembered device of the caller. */
  public void forget(long deviceId) {
    rememberMe.forget(caller.require().id(), deviceId);
    devices = null;
    PageMessages.info("security.deviceForgotten");
  }

  public List<Device> getDevices() {
    if (devices == null) {
      devices = rememberMe.devices(caller.require().id());
    }
    return devices;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
