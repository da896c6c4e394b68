package org.ringplatform.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.identity.AccountService;
import org.ringplatform.platform.RingException;

/**
 * The sign-up page ({@code /signup}). Whether or not the email already has an account, a successful
 * submission reads the same: "check your email".
 */
@Named
@ViewScoped
public class SignUp implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The languages an account can choose. */
  public static final List<String> LOCALES = List.of("en", "uk", "ru");

  @Inject private AccountService accounts;
  @Inject private PortalLocale portalLocale;

  private String email;
  private String displayName;
  private String password;
  private String locale;
  private boolean done;

  @PostConstruct
  void init() {
    locale = portalLocale.getLanguage();
  }

  public void submit() {
    String secret = password == null ? "" : password;
    password = null;
    try {
      accounts.signUp(email, secret.toCharArray(), displayName, locale);
      done = true;
    } catch (RingException e) {
      PageMessages.refusal(e, "signup");
    }
  }

  public List<String> getLocales() {
    return LOCALES;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public boolean isDone() {
    return done;
  }
}
