package org.ringplatform.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;

/**
 * The identity store on Ring's own tables: validates an email and password, or an emailed code,
 * through the account service (which hashes, throttles and audits). When it refuses, the precise
 * reason is left in a request attribute for the sign-in page.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  /** Request attribute with the {@link RingException} of a refused sign-in. */
  public static final String ERROR_ATTRIBUTE = "ring.auth.error";

  @Inject private AccountService accounts;
  @Inject private HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    try {
      AuthenticatedUser user;
      if (credential instanceof UsernamePasswordCredential up) {
        user =
            accounts.signIn(up.getCaller(), up.getPassword().getValue(), ClientAddress.of(request));
      } else if (credential instanceof LoginCodeCredential code) {
        user = accounts.signInWithCode(code.email(), code.code(), ClientAddress.of(request));
      } else {
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
      }
      return new CredentialValidationResult(new RingPrincipal(user), new HashSet<>(user.groups()));
    } catch (RingException e) {
      request.setAttribute(ERROR_ATTRIBUTE, e);
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
  }
}
