package org.ringplatform.tunnel.internal;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
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
    check(channel, event);
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

  /**
   * The same on plain JDBC, for callers whose transaction does its work on {@code jdbc/ring}
   * directly (the ledger): the row goes through the connection the transaction already holds, never
   * a second one.
   */
  static void insert(
      DataSource dataSource,
      Event<TunnelWritten> written,
      String channel,
      String event,
      Long targetUserId,
      String payload) {
    check(channel, event);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into ring.tunnel_events(channel, event, target_user_id, visibility,"
                    + " confidential, payload) values (?, ?, ?, null, false, ?)")) {
      ps.setString(1, channel);
      ps.setString(2, event);
      ps.setObject(3, targetUserId);
      ps.setString(4, payload == null || payload.isBlank() ? "{}" : payload);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write a Tunnel message", e);
    }
    written.fire(new TunnelWritten());
  }

  private static void check(String channel, String event) {
    if (channel == null || channel.isBlank() || channel.length() > 100) {
      throw new IllegalArgumentException("Bad channel: " + channel);
    }
    if (event == null || event.isBlank() || event.length() > 100) {
      throw new IllegalArgumentException("Bad event: " + event);
    }
  }
}
