package org.ringplatform.tunnel.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ringplatform.identity.Visibility;
import org.ringplatform.tunnel.Channels;
import org.ringplatform.tunnel.Discovery;
import org.ringplatform.tunnel.TunnelWritten;

/**
 * Discovery events written to the Tunnel outbox in the caller's transaction, with the row's
 * visibility so that each subscriber receives only what it may see. Payload: {@code {id, snippet}}.
 */
@Stateless
public class OutboxDiscovery implements Discovery {

  @PersistenceContext private EntityManager em;
  @Inject private Event<TunnelWritten> written;

  @Override
  public void publish(
      String channel,
      String event,
      long id,
      Visibility visibility,
      boolean confidential,
      Map<String, Object> snippet) {
    if (!Channels.isDiscovery(channel)) {
      throw new IllegalArgumentException("Not a discovery channel: " + channel);
    }
    Map<String, Object> clean = new LinkedHashMap<>();
    if (snippet != null) {
      snippet.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              clean.put(k, v instanceof Enum<?> e ? e.name().toLowerCase() : v);
            }
          });
    }
    JsonObjectBuilder payload =
        Json.createObjectBuilder().add("id", id).add("snippet", Json.createObjectBuilder(clean));
    OutboxRows.insert(
        em,
        written,
        channel,
        event,
        null,
        visibility == null ? Visibility.PUBLIC : visibility,
        confidential,
        payload.build().toString());
  }
}
