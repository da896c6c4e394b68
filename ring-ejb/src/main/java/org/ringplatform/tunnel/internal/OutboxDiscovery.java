package org.ringplatform.tunnel.internal;

import jakarta.ejb.Stateless;
import java.util.Map;
import java.util.logging.Logger;
import org.ringplatform.identity.Visibility;
import org.ringplatform.tunnel.Discovery;

/** Discovery events; TEMPORARY placeholder until the Tunnel outbox lands (issue 4). */
@Stateless
public class OutboxDiscovery implements Discovery {

  private static final Logger LOG = Logger.getLogger(OutboxDiscovery.class.getName());

  @Override
  public void publish(
      String channel,
      String event,
      long id,
      Visibility visibility,
      boolean confidential,
      Map<String, Object> snippet) {
    LOG.fine(() -> channel + " " + event + " " + id);
  }
}
