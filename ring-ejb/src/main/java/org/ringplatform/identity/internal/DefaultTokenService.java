package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.TokenService;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.RingException;

/** Token issuing and refresh-token rotation on the {@code refresh_tokens} table. */
@Stateless
public class DefaultTokenService implements TokenService {

  private static final Logger LOG = Logger.getLogger(DefaultTokenService.class.getName());
  private static final int REFRESH_DAYS = 30;

  @PersistenceContext private EntityManager em;
  @Inject private JwtSigner signer;

  @Override
  public boolean available() {
    return signer.available();
  }

  @Override
  public TokenPair issue(AuthenticatedUser user) {
    return pair(user, UUID.randomUUID());
  }

  private TokenPair pair(AuthenticatedUser user, UUID family) {
    if (!signer.available()) {
      throw new RingException(
          RingException.Kind.UNAVAILABLE,
          "tokens_unavailable",
          null,
          "API tokens are not configured on this server.");
    }
    String refresh = Secrets.token();
    em.createNativeQuery(
            "insert into ring.refresh_tokens(user_id, family_id, token_hash, expires_at)"
                + " values (?1, cast(?2 as uuid), ?3, now() + interval '"
                + REFRESH_DAYS
                + " days')")
        .setParameter(1, user.id())
        .setParameter(2, family.toString())
        .setParameter(3, Secrets.hash(refresh))
        .executeUpdate();
    return new TokenPair(signer.sign(user), refresh, ACCESS_SECONDS);
  }

  @Override
  public Optional<TokenPair> refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    String hash = Secrets.hash(refreshToken);
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                "update ring.refresh_tokens set used_at = now() where token_hash = ?1"
                    + " and used_at is null and revoked_at is null and expires_at > now()"
                    + " returning user_id, cast(family_id as text)")
            .setParameter(1, hash)
            .getResultList();
    if (claimed.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> known =
          em.createNativeQuery(
                  "select cast(family_id as text), used_at from ring.refresh_tokens"
                      + " where token_hash = ?1")
              .setParameter(1, hash)
              .getResultList();
      if (!known.isEmpty() && known.get(0)[1] != null) {
        revokeFamily((String) known.get(0)[0]);
        LOG.warning("A used refresh token was presented again; its family is revoked");
      }
      return Optional.empty();
    }
    long userId = ((Number) claimed.get(0)[0]).longValue();
    String family = (String) claimed.get(0)[1];
    UserAccount account = em.find(UserAccount.class, userId);
    if (account == null || !account.isActive()) {
      revokeFamily(family);
      return Optional.empty();
    }
    LOG.log(Level.FINE, "Refresh token rotated for account {0}", userId);
    return Optional.of(pair(AuthenticatedUser.of(account), UUID.fromString(family)));
  }

  @Override
  public void revoke(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> families =
        em.createNativeQuery(
                "select cast(family_id as text) from ring.refresh_tokens where token_hash = ?1")
            .setParameter(1, Secrets.hash(refreshToken))
            .getResultList();
    families.forEach(f -> revokeFamily((String) f));
  }

  private void revokeFamily(String family) {
    em.createNativeQuery(
            "update ring.refresh_tokens set revoked_at = now()"
                + " where family_id = cast(?1 as uuid) and revoked_at is null")
        .setParameter(1, family)
        .executeUpdate();
  }
}
