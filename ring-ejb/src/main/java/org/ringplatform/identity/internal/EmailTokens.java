package org.ringplatform.identity.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Single-use secrets mailed to people (confirmation and reset links, sign-in codes), stored as
 * hashes. A new secret of a purpose voids the open ones of the same email; consuming is atomic, so
 * a secret works once even when presented twice at the same moment.
 */
@Dependent
class EmailTokens {

  static final String CONFIRM = "confirm_email";
  static final String RESET = "reset_password";
  static final String LOGIN_CODE = "login_code";

  @PersistenceContext private EntityManager em;

  /** Stores the hash of {@code secret} for {@code purpose}, voiding older open ones. */
  void store(String purpose, String email, Long userId, String secret, Duration validity) {
    em.createNativeQuery(
            "update ring.email_tokens set consumed_at = now()"
                + " where purpose = ?1 and email = ?2 and consumed_at is null")
        .setParameter(1, purpose)
        .setParameter(2, email)
        .executeUpdate();
    em.createNativeQuery(
            "insert into ring.email_tokens(purpose, email, user_id, token_hash, expires_at)"
                + " values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))")
        .setParameter(1, purpose)
        .setParameter(2, email)
        .setParameter(3, userId)
        .setParameter(4, hashFor(purpose, email, secret))
        .setParameter(5, (double) validity.toSeconds())
        .executeUpdate();
  }

  /** How many secrets of {@code purpose} were issued to {@code email} in the last window. */
  long issuedSince(String purpose, String email, Duration window) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from ring.email_tokens where purpose = ?1 and email = ?2"
                        + " and created_at > now() - make_interval(secs => ?3)")
                .setParameter(1, purpose)
                .setParameter(2, email)
                .setParameter(3, (double) window.toSeconds())
                .getSingleResult())
        .longValue();
  }

  /**
   * Consumes a link token: the user id it was issued for, once, while it is valid.
   *
   * @return the user id, or empty for an unknown, used or expired token
   */
  Optional<Long> consumeLink(String purpose, String secret) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "update ring.email_tokens set consumed_at = now()"
                    + " where purpose = ?1 and token_hash = ?2 and consumed_at is null"
                    + " and expires_at > now() returning user_id")
            .setParameter(1, purpose)
            .setParameter(2, Secrets.hash(purpose + ":" + secret))
            .getResultList();
    return ids.isEmpty() || ids.get(0) == null
        ? Optional.empty()
        : Optional.of(((Number) ids.get(0)).longValue());
  }

  /**
   * Checks a sign-in code for {@code email}: counts the attempt, gives up after five, and consumes
   * the code when it matches.
   *
   * @return the user id when the code matches
   */
  Optional<Long> consumeCode(String email, String code, int maxAttempts) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "update ring.email_tokens set attempts = attempts + 1"
                    + " where id = (select id from ring.email_tokens where purpose = ?1"
                    + " and email = ?2 and consumed_at is null and expires_at > now()"
                    + " order by created_at desc limit 1 for update)"
                    + " returning id, token_hash, attempts, user_id")
            .setParameter(1, LOGIN_CODE)
            .setParameter(2, email)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    long id = ((Number) row[0]).longValue();
    int attempts = ((Number) row[2]).intValue();
    boolean matches = Secrets.same((String) row[1], hashFor(LOGIN_CODE, email, code));
    if (matches || attempts >= maxAttempts) {
      em.createNativeQuery("update ring.email_tokens set consumed_at = now() where id = ?1")
          .setParameter(1, id)
          .executeUpdate();
    }
    return matches && attempts <= maxAttempts
        ? Optional.of(((Number) row[3]).longValue())
        : Optional.empty();
  }

  private static String hashFor(String purpose, String email, String secret) {
    // Codes are short, so their hash binds the email; link tokens are long and stand alone.
    return LOGIN_CODE.equals(purpose)
        ? Secrets.hash(purpose + ":" + email + ":" + secret)
        : Secrets.hash(purpose + ":" + secret);
  }
}
