package org.ringplatform.identity.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Counts failed sign-ins per account and per network address in the database, so that every server
 * sees the same counts. Five failures for an account, or fifty from one address, within 15 minutes
 * lock further attempts for 15 minutes. Failures are recorded in their own transaction so that the
 * refusal that follows does not roll them back.
 */
@Stateless
public class LoginThrottle {

  static final int ACCOUNT_LIMIT = 5;
  static final int ADDRESS_LIMIT = 50;
  private static final String WINDOW = "interval '15 minutes'";

  @PersistenceContext private EntityManager em;

  static String accountKey(String email) {
    return "account:" + email;
  }

  static String addressKey(String address) {
    return "address:" + (address == null ? "unknown" : address);
  }

  /** True when any of these keys is locked now. */
  public boolean locked(String... keys) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from ring.auth_throttle where key = any(cast(?1 as text[]))"
                            + " and locked_until > now()")
                    .setParameter(1, arrayLiteral(keys))
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** Records one failure for the account and the address. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(String email, String address) {
    bump(accountKey(email), ACCOUNT_LIMIT);
    bump(addressKey(address), ADDRESS_LIMIT);
  }

  /** Forgets an account's failures after a successful sign-in. */
  public void succeeded(String email) {
    em.createNativeQuery("delete from ring.auth_throttle where key = ?1")
        .setParameter(1, accountKey(email))
        .executeUpdate();
  }

  private void bump(String key, int limit) {
    em.createNativeQuery(
            "insert into ring.auth_throttle as t (key, failures, window_start) values (?1, 1, now())"
                + " on conflict (key) do update set"
                + " failures = case when t.window_start < now() - "
                + WINDOW
                + " then 1 else t.failures + 1 end,"
                + " window_start = case when t.window_start < now() - "
                + WINDOW
                + " then now() else t.window_start end,"
                + " locked_until = case when t.window_start >= now() - "
                + WINDOW
                + " and t.failures + 1 >= ?2 then now() + "
                + WINDOW
                + " else t.locked_until end")
        .setParameter(1, key)
        .setParameter(2, limit)
        .executeUpdate();
  }

  private static String arrayLiteral(String... keys) {
    StringBuilder sb = new StringBuilder("{");
    List<String> list = List.of(keys);
    for (int i = 0; i < list.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"');
      sb.append(list.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append('}').toString();
  }
}
