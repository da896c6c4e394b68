package org.ringplatform.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.ringplatform.identity.AccountService;
import org.ringplatform.platform.RingException;

/**
 * "Forgot your password?" ({@code /forgot}): mails a reset link if the address has an account; the
 * page reads the same whatever the address.
 */
@Named
@ViewScoped
public class PasswordForgotten implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountService accounts;

  private String email;
  private boolean done;

  public void submit() {
    try {
      accounts.requestPasswordReset(email);
      done = true;
    } catch (RingException e) {
      PageMessages.refusal(e, "forgot");
    }
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isDone() {
    return done;
  }
}
