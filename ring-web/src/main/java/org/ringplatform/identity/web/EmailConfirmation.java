package org.ringplatform.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.identity.AccountService;
import org.ringplatform.platform.RingException;

/** The page a confirmation link opens ({@code /confirm?token=...}): confirms on arrival. */
@Named
@RequestScoped
public class EmailConfirmation {

  @Inject private AccountService accounts;

  private String token;
  private boolean confirmed;

  /** The view action: confirms the email the token was sent to. */
  public void confirm() {
    if (token == null || token.isBlank()) {
      return;
    }
    try {
      accounts.confirmEmail(token.strip());
      confirmed = true;
    } catch (RingException e) {
      confirmed = false;
    }
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public boolean isConfirmed() {
    return confirmed;
  }
}
