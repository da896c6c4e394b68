package org.ringplatform.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.identity.AccountService;
import org.ringplatform.platform.RingException;

/**
 * The page a reset link opens ({@code /reset?token=...}): a new password, twice. Every session of
 * the account ends when it is set.
 */
@Named
@ViewScoped
public class PasswordReset implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountService accounts;

  private String token;
  private String password;
  private String confirmation;
  private boolean done;

  public void submit() {
    String first = password == null ? "" : password;
    String second = confirmation == null ? "" : confirmation;
    password = null;
    confirmation = null;
    if (!first.equals(second)) {
      PageMessages.error("reset", "confirmation", "validation.passwordsDiffer");
      return;
    }
    try {
      accounts.resetPassword(token, first.toCharArray());
      done = true;
    } catch (RingException e) {
      PageMessages.refusal(e, "reset");
    }
  }

  /** Whether the page was opened from a link with a token. */
  public boolean isHasToken() {
    return token != null && !token.isBlank();
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }

  public boolean isDone() {
    return done;
  }
}
