package org.ringplatform.tunnel.internal;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.ringplatform.identity.Visibility;
import org.ringplatform.tunnel.TunnelWritten;

/**
 * Writes one outbox row in the caller's transaction, without a delivery number (the dispatcher
 * numbers it after the commit), and announces it for after the commit.
 */
final class OutboxRows {

  private OutboxRows() {}

  static void insert(
      EntityManager em,
      Event<TunnelWritten> written,
      String channel,
      String event,
      Long targetUserId,
      Visibility visibility,
      boolean confidential,
      String payload) {
    if (channel == null || channel.isBlank() || channel.length() > 100) {
      throw new IllegalArgumentException("Bad channel: " + channel);
    }
    if (event == null || event.isBlank() || event.length() > 100) {
      throw new IllegalArgumentException("Bad event: " + event);
    }
    em.createNativeQuery(
            "insert into ring.tunnel_events(channel, event, target_user_id, visibility,"
                + " confidential, payload) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, channel)
        .setParameter(2, event)
        .setParameter(3, targetUserId)
        .setParameter(4, visibility == null ? null : visibility.id())
        .setParameter(5, confidential)
        .setParameter(6, payload == null || payload.isBlank() ? "{}" : payload)
        .executeUpdate();
    written.fire(new TunnelWritten());
  }
}
