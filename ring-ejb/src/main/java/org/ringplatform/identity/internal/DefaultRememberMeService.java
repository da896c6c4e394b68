package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.RememberMeService;
import org.ringplatform.identity.UserAccount;

/**
 * Remember-me devices on the {@code remember_me_tokens} table; cookie value {@code series.secret}.
 */
@Stateless
public class DefaultRememberMeService implements RememberMeService {

  private static final Logger LOG = Logger.getLogger(DefaultRememberMeService.class.getName());

  @PersistenceContext private EntityManager em;

  @Override
  public String remember(long userId, String userAgent, String address) {
    String series = Secrets.token();
    String secret = Secrets.token();
    em.createNativeQuery(
            "insert into ring.remember_me_tokens(user_id, series, token_hash, user_agent, ip,"
                + " expires_at) values (?1, ?2, ?3, ?4, ?5, now() + interval '"
                + DAYS
                + " days')")
        .setParameter(1, userId)
        .setParameter(2, series)
        .setParameter(3, Secrets.hash(secret))
        .setParameter(4, truncate(userAgent, 300))
        .setParameter(5, truncate(address, 64))
        .executeUpdate();
    return series + "." + secret;
  }

  @Override
  public Optional<Remembered> use(String cookie) {
    String[] parts = cookie == null ? new String[0] : cookie.split("\\.", 2);
    if (parts.length != 2) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, user_id, token_hash from ring.remember_me_tokens"
                    + " where series = ?1 and expires_at > now() for update")
            .setParameter(1, parts[0])
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    long id = ((Number) rows.get(0)[0]).longValue();
    long userId = ((Number) rows.get(0)[1]).longValue();
    if (!Secrets.same((String) rows.get(0)[2], Secrets.hash(parts[1]))) {
      // The series is right but the secret is old: the cookie was copied. Forget every device.
      em.createNativeQuery("delete from ring.remember_me_tokens where user_id = ?1")
          .setParameter(1, userId)
          .executeUpdate();
      LOG.warning("A remember-me cookie was replayed; every device of the account is forgotten");
      return Optional.empty();
    }
    UserAccount account = em.find(UserAccount.class, userId);
    if (account == null || !account.isActive()) {
      return Optional.empty();
    }
    String secret = Secrets.token();
    em.createNativeQuery(
            "update ring.remember_me_tokens set token_hash = ?1, last_used_at = now() where id = ?2")
        .setParameter(1, Secrets.hash(secret))
        .setParameter(2, id)
        .executeUpdate();
    return Optional.of(new Remembered(AuthenticatedUser.of(account), parts[0] + "." + secret));
  }

  @Override
  public List<Device> devices(long userId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, user_agent, ip, created_at, last_used_at from ring.remember_me_tokens"
                    + " where user_id = ?1 and expires_at > now() order by last_used_at desc")
            .setParameter(1, userId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Device(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    toOffset(r[3]),
                    toOffset(r[4])))
        .toList();
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    return null;
  }

  @Override
  public void forget(long userId, long deviceId) {
    em.createNativeQuery("delete from ring.remember_me_tokens where id = ?1 and user_id = ?2")
        .setParameter(1, deviceId)
        .setParameter(2, userId)
        .executeUpdate();
  }

  @Override
  public void forget(String cookie) {
    String[] parts = cookie == null ? new String[0] : cookie.split("\\.", 2);
    if (parts.length == 2) {
      em.createNativeQuery("delete from ring.remember_me_tokens where series = ?1")
          .setParameter(1, parts[0])
          .executeUpdate();
    }
  }

  private static String truncate(String s, int max) {
    return s == null ? null : s.length() <= max ? s : s.substring(0, max);
  }
}
