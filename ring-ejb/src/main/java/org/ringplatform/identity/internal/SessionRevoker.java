package org.ringplatform.identity.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Ends the long-lived credentials of an account: refresh tokens and remember-me devices. */
@Dependent
class SessionRevoker {

  @PersistenceContext private EntityManager em;

  void revokeAll(long userId) {
    em.createNativeQuery(
            "update ring.refresh_tokens set revoked_at = now()"
                + " where user_id = ?1 and revoked_at is null")
        .setParameter(1, userId)
        .executeUpdate();
    em.createNativeQuery("delete from ring.remember_me_tokens where user_id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
  }
}
