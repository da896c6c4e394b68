package org.ringplatform.tunnel.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.tunnel.TunnelMessage;
import org.ringplatform.tunnel.TunnelOutbox;

/**
 * The outbox on {@code ring.tunnel_events}. Numbering runs under a transaction-scoped advisory
 * lock, so one node at a time numbers rows and its numbers commit before the next node can hand out
 * more: a reader that saw number n has seen every smaller number.
 */
@Stateless
public class JdbcTunnelOutbox implements TunnelOutbox {

  /** Advisory lock key of the dispatcher ("RINGTUNN"). */
  static final long LOCK = 0x52494E4754554E4EL;

  private static final String COLUMNS =
      "seq, channel, event, target_user_id, visibility, confidential, payload, created_at";

  @PersistenceContext private EntityManager em;

  private boolean lock() {
    return Boolean.TRUE.equals(
        em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
            .setParameter(1, LOCK)
            .getSingleResult());
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sequence() {
    if (!lock()) {
      return -1;
    }
    // One statement: the pending rows in id order, the cursor moved past them, the numbers given.
    return em.createNativeQuery(
            "with pending as (select id, row_number() over (order by id) as rn"
                + " from ring.tunnel_events where seq is null order by id limit 5000),"
                + " bump as (update ring.tunnel_cursor"
                + " set last_seq = last_seq + (select count(*) from pending)"
                + " where id = 1 returning last_seq - (select count(*) from pending) as base)"
                + " update ring.tunnel_events t set seq = bump.base + pending.rn"
                + " from pending, bump where t.id = pending.id")
        .executeUpdate();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TunnelMessage> after(long seq, int limit) {
    return read(
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from ring.tunnel_events where seq > ?1 order by seq limit ?2")
            .setParameter(1, seq)
            .setParameter(2, Math.max(1, Math.min(limit, 5000))));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<TunnelMessage> replay(long seq, Collection<String> channels, Role role, int limit) {
    if (channels.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(channels);
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      in.append(i == 0 ? "" : ", ").append('?').append(i + 3);
    }
    // Visibility in the query, as for every list: the ids come from the enum, never from input.
    String visible =
        VisibilityPolicy.visibleTo(role).stream()
            .map(v -> "'" + v.id() + "'")
            .collect(Collectors.joining(", "));
    Query q =
        em.createNativeQuery(
            "select "
                + COLUMNS
                + " from ring.tunnel_events where seq > ?1 and channel in ("
                + in
                + ") and (visibility is null or (visibility in ("
                + visible
                + ")"
                + (role.hasConfidentialAccess() ? "" : " and not confidential")
                + ")) order by seq limit ?2");
    q.setParameter(1, seq).setParameter(2, Math.max(1, Math.min(limit, 5000)));
    for (int i = 0; i < names.size(); i++) {
      q.setParameter(i + 3, names.get(i));
    }
    return read(q);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long lastSequence() {
    return ((Number)
            em.createNativeQuery("select last_seq from ring.tunnel_cursor where id = 1")
                .getSingleResult())
        .longValue();
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int purge(int hours) {
    if (!lock()) {
      return 0;
    }
    return em.createNativeQuery(
            "delete from ring.tunnel_events where seq is not null"
                + " and created_at < now() - ?1 * interval '1 hour'")
        .setParameter(1, Math.max(1, hours))
        .executeUpdate();
  }

  @SuppressWarnings("unchecked")
  private static List<TunnelMessage> read(Query q) {
    List<Object[]> rows = q.getResultList();
    List<TunnelMessage> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new TunnelMessage(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              r[3] == null ? null : ((Number) r[3]).longValue(),
              r[4] == null
                  ? null
                  : Visibility.fromId((String) r[4]).orElse(Visibility.CONFIDENTIAL),
              Boolean.TRUE.equals(r[5]),
              (String) r[6],
              r[7] instanceof Timestamp t
                  ? t.toInstant().atOffset(ZoneOffset.UTC)
                  : (OffsetDateTime) r[7]));
    }
    return out;
  }
}
