package org.ringplatform.tunnel;

import java.util.Map;
import org.ringplatform.identity.Visibility;

/**
 * Discovery sync: tells Tunnel subscribers that an entity or opportunity was created, updated,
 * changed status or was deleted. The event is recorded in the caller's transaction and delivered
 * only after it commits, so a rolled-back change is never announced; each subscriber receives it
 * only if the row's visibility and confidential flag allow them to see it.
 */
public interface Discovery {

  /** The channel of entity events. */
  String ENTITIES = "entities";

  /** The channel of opportunity events. */
  String OPPORTUNITIES = "opportunities";

  /**
   * Records a discovery event.
   *
   * @param channel {@link #ENTITIES} or {@link #OPPORTUNITIES}
   * @param event e.g. {@code opportunity:created}, {@code opportunity:updated}, {@code
   *     opportunity:status_changed}, {@code opportunity:deleted} (and the same for {@code entity:})
   * @param id the row's id
   * @param visibility who may see the row
   * @param confidential the row's confidential flag
   * @param snippet a few fields for a list to show without a fetch (title, type, status, ...)
   */
  void publish(
      String channel,
      String event,
      long id,
      Visibility visibility,
      boolean confidential,
      Map<String, Object> snippet);
}
