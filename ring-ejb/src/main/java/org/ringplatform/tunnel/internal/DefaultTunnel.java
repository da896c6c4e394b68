package org.ringplatform.tunnel.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.ringplatform.tunnel.Channels;
import org.ringplatform.tunnel.Tunnel;
import org.ringplatform.tunnel.TunnelWritten;

/**
 * Tunnel messages recorded in the outbox in the caller's transaction, on plain JDBC so that a
 * caller working on {@code jdbc/ring} directly (the ledger, whose wallet changes are pushed) uses
 * the connection its transaction already holds.
 */
@Stateless
public class DefaultTunnel implements Tunnel {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Event<TunnelWritten> written;

  @Override
  public void toUser(long userId, String event, String payloadJson) {
    OutboxRows.insert(dataSource, written, Channels.user(userId), event, userId, payloadJson);
  }

  @Override
  public void toChannel(String channel, String event, String payloadJson) {
    if (Channels.isDiscovery(channel) || Channels.ownerOf(channel).isPresent()) {
      throw new IllegalArgumentException(
          "Use Discovery for " + channel + " and toUser for a person's channel");
    }
    OutboxRows.insert(dataSource, written, channel, event, null, payloadJson);
  }
}
