package org.ringplatform.tunnel;

/**
 * Publishing to the Tunnel from a service: the message is recorded in the caller's transaction and
 * delivered to live subscribers (and kept for clients that resume later) only after it commits, so
 * a rolled-back change is never announced. Discovery events go through {@link Discovery}, which
 * adds visibility filtering.
 */
public interface Tunnel {

  /**
   * Sends to one person's channel {@code user:<userId>} (also their notification inbox).
   *
   * @param event e.g. {@code notification:new}
   * @param payloadJson a JSON object
   */
  void toUser(long userId, String event, String payloadJson);

  /**
   * Sends to a topic channel whose access the channel rules decide alone (e.g. {@link
   * Channels#ADMIN}).
   */
  void toChannel(String channel, String event, String payloadJson);
}
