package org.ringplatform.notification.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.ringplatform.notification.Notices;

/** Notices on the {@code notifications} table. */
@Stateless
public class DefaultNotices implements Notices {

  @PersistenceContext private EntityManager em;

  @Override
  public void tell(long userId, String type, String payload) {
    em.createNativeQuery(
            "insert into ring.notifications(user_id, type, payload) values (?1, ?2, ?3)")
        .setParameter(1, userId)
        .setParameter(2, type)
        .setParameter(3, payload == null ? "{}" : payload)
        .executeUpdate();
  }

  @Override
  public boolean tellOnce(long userId, String type, String dedupeKey, String payload) {
    return em.createNativeQuery(
                "insert into ring.notifications(user_id, type, payload, dedupe_key)"
                    + " values (?1, ?2, ?3, ?4)"
                    + " on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing")
            .setParameter(1, userId)
            .setParameter(2, type)
            .setParameter(3, payload == null ? "{}" : payload)
            .setParameter(4, dedupeKey)
            .executeUpdate()
        == 1;
  }

  @Override
  public List<Notice> recent(long userId, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, type, payload, created_at, read_at is not null from ring.notifications"
                    + " where user_id = ?1 order by created_at desc, id desc limit ?2")
            .setParameter(1, userId)
            .setParameter(2, Math.max(1, Math.min(limit, 200)))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Notice(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] instanceof java.sql.Timestamp t
                        ? t.toInstant().atOffset(ZoneOffset.UTC)
                        : (OffsetDateTime) r[3],
                    Boolean.TRUE.equals(r[4])))
        .toList();
  }

  @Override
  public long unread(long userId) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from ring.notifications where user_id = ?1 and read_at is null")
                .setParameter(1, userId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void markAllRead(long userId) {
    em.createNativeQuery(
            "update ring.notifications set read_at = now() where user_id = ?1 and read_at is null")
        .setParameter(1, userId)
        .executeUpdate();
  }
}
