package org.ringplatform.tunnel.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.ringplatform.tunnel.Channels;
import org.ringplatform.tunnel.Tunnel;
import org.ringplatform.tunnel.TunnelWritten;

/** Tunnel messages recorded in the outbox in the caller's transaction. */
@Stateless
public class DefaultTunnel implements Tunnel {

  @PersistenceContext private EntityManager em;
  @Inject private Event<TunnelWritten> written;

  @Override
  public void toUser(long userId, String event, String payloadJson) {
    OutboxRows.insert(em, written, Channels.user(userId), event, userId, null, false, payloadJson);
  }

  @Override
  public void toChannel(String channel, String event, String payloadJson) {
    if (Channels.isDiscovery(channel) || Channels.ownerOf(channel).isPresent()) {
      throw new IllegalArgumentException(
          "Use Discovery for " + channel + " and toUser for a person's channel");
    }
    OutboxRows.insert(em, written, channel, event, null, null, false, payloadJson);
  }
}
