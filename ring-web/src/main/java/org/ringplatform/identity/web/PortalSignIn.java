package org.ringplatform.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.AccountIdentityStore;

/**
 * Signs a visitor in from a page through Ring's one authentication mechanism, then takes them to
 * where they were going, or shows why the sign-in was refused. Shared by the password and the
 * emailed-code sign-in pages.
 */
@RequestScoped
public class PortalSignIn {

  @Inject private SecurityContext securityContext;
  @Inject private PortalLocale portalLocale;

  /**
   * Authenticates with {@code credential}. On success the response is a redirect to {@code next}
   * when it is a local path, else to the home page; on refusal a message is added to {@code
   * formId}.
   *
   * @return true when signed in
   */
  public boolean signIn(Credential credential, boolean remember, String next, String formId)
      throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams().credential(credential).rememberMe(remember));
    switch (status) {
      case SEND_CONTINUE -> {
        faces.responseComplete();
        return false;
      }
      case SUCCESS -> {
        external.redirect(SignInTarget.isSafe(next) ? next : portalLocale.href("/"));
        return true;
      }
      default -> {
        if (request.getAttribute(AccountIdentityStore.ERROR_ATTRIBUTE)
            instanceof RingException refusal) {
          PageMessages.refusal(refusal, formId);
        } else {
          PageMessages.error(formId, null, "error.credentials_invalid");
        }
        return false;
      }
    }
  }
}
