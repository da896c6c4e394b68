package org.ringplatform.security.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * Turns an access token into the account it was issued to: the signature, issuer and expiry checked
 * by MicroProfile JWT, then the account itself (active, same session epoch, same role). The API's
 * authentication mechanism and the Tunnel's auth frame share it.
 */
@ApplicationScoped
public class AccessTokens {

  private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

  @Inject private MicroProfileJwtVerifier jwtVerifier;
  @Inject private AccountService accounts;

  /**
   * A verified token.
   *
   * @param token the verified token, the caller principal of an API request
   * @param user the account as it is now
   */
  public record Verified(JsonWebToken token, AuthenticatedUser user) {}

  /** The token's account, or empty when the token or the account no longer holds. */
  public Optional<Verified> verify(String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    CredentialValidationResult result = jwtVerifier.verify(token.strip());
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(jwt.getSubject());
      Object epoch = jwt.getClaim("epoch");
      Object role = jwt.getClaim("role");
      return accounts
          .current(id, epoch == null ? -1 : Integer.parseInt(String.valueOf(epoch)))
          .filter(u -> u.role().id().equals(unquote(role)))
          .map(u -> new Verified(jwt, u));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Malformed token claims: {0}", e.toString());
      return Optional.empty();
    }
  }

  private static String unquote(Object claim) {
    String s = String.valueOf(claim);
    return s.length() > 1 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
