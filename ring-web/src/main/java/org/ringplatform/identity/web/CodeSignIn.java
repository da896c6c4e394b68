package org.ringplatform.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.ringplatform.identity.AccountService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.LoginCodeCredential;

/**
 * Sign-in by emailed code ({@code /signin-code}): first the email, which gets a six-digit code if
 * it has an account (the page says the same either way), then the code.
 */
@Named
@ViewScoped
public class CodeSignIn implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AccountService accounts;
  @Inject private PortalSignIn portalSignIn;

  private String email;
  private String code;
  private String next;
  private boolean codeSent;

  /** Step 1: mails a code if the address has an account. */
  public void sendCode() {
    try {
      accounts.requestLoginCode(email);
      codeSent = true;
      code = null;
      PageMessages.info("signinCode.sent");
    } catch (RingException e) {
      PageMessages.refusal(e, "codeRequest");
    }
  }

  /** Step 2: signs in with the code, then redirects. */
  public void submit() throws IOException {
    String entered = code == null ? "" : code.strip();
    code = null;
    portalSignIn.signIn(new LoginCodeCredential(email, entered), false, next, "codeSignIn");
  }

  /** Back to step 1, to use another address. */
  public void restart() {
    codeSent = false;
    code = null;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public boolean isCodeSent() {
    return codeSent;
  }
}
