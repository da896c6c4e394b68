package org.ringplatform.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in page ({@code /signin}): email, password and "remember me". A wrong password and an
 * unknown email read the same.
 */
@Named
@ViewScoped
public class SignIn implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PortalSignIn portalSignIn;

  private String email;
  private String password;
  private boolean remember;
  private String next;

  /** Signs in, then redirects; stays on the page with a message when refused. */
  public void submit() throws IOException {
    String secret = password == null ? "" : password;
    password = null;
    portalSignIn.signIn(
        new UsernamePasswordCredential(email == null ? "" : email.strip(), secret),
        remember,
        next,
        "signin");
  }

  /** {@code ?next=...} to pass a safe {@link #getNext() next} on to another page, else empty. */
  public String getNextQuery() {
    return SignInTarget.isSafe(next)
        ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
        : "";
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isRemember() {
    return remember;
  }

  public void setRemember(boolean remember) {
    this.remember = remember;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
