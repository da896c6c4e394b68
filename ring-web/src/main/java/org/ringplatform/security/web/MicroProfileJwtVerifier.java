package org.ringplatform.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies a bearer token with the server's MicroProfile JWT implementation: the identity store it
 * registers for {@code @LoginConfig(authMethod = "MP-JWT")} checks the RS256 signature against
 * {@code mp.jwt.verify.publickey}, the issuer, the expiry and the algorithm. Ring's own
 * authentication mechanism calls it because one mechanism must serve both the portal's sessions and
 * the API's tokens. Fails closed when the implementation is not present.
 */
@ApplicationScoped
public class MicroProfileJwtVerifier {

  private static final Logger LOG = Logger.getLogger(MicroProfileJwtVerifier.class.getName());

  @Inject @Any private Instance<IdentityStore> stores;

  private IdentityStore jwtStore;
  private Constructor<?> credential;

  @PostConstruct
  void locate() {
    for (IdentityStore store : stores) {
      for (Method m : store.getClass().getMethods()) {
        if (m.getName().equals("validate")
            && m.getParameterCount() == 1
            && m.getParameterTypes()[0] != Credential.class
            && Credential.class.isAssignableFrom(m.getParameterTypes()[0])
            && m.getParameterTypes()[0].getSimpleName().equals("SignedJWTCredential")) {
          try {
            credential = m.getParameterTypes()[0].getConstructor(String.class);
            jwtStore = store;
          } catch (NoSuchMethodException e) {
            LOG.log(Level.WARNING, "Unexpected MicroProfile JWT credential type", e);
          }
        }
      }
    }
    if (jwtStore == null) {
      LOG.warning("No MicroProfile JWT identity store found: bearer tokens will be refused");
    }
  }

  /** The result of verifying {@code token}; invalid when it cannot be verified. */
  public CredentialValidationResult verify(String token) {
    if (jwtStore == null) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    try {
      return jwtStore.validate((Credential) credential.newInstance(token));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Bearer token refused: {0}", e.toString());
      return CredentialValidationResult.INVALID_RESULT;
    }
  }
}
