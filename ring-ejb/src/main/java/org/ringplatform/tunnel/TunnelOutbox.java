package org.ringplatform.tunnel;

import java.util.Collection;
import java.util.List;
import org.ringplatform.identity.Role;

/**
 * The delivery side of the Tunnel's durable outbox, used by the server's dispatcher and by clients
 * that resume: numbering committed messages in order, reading them after a number, replaying a
 * client's channels under its visibility, and forgetting old messages.
 */
public interface TunnelOutbox {

  /**
   * Numbers the committed, not yet numbered messages in the order they were written, in its own
   * transaction, if no other node is doing so right now.
   *
   * @return how many were numbered, or -1 when another dispatcher holds the lock
   */
  int sequence();

  /** Numbered messages after {@code seq}, in delivery order, at most {@code limit}. */
  List<TunnelMessage> after(long seq, int limit);

  /**
   * What a client missed on {@code channels} after {@code seq}, in delivery order, leaving out
   * discovery events its {@code role} may not see.
   */
  List<TunnelMessage> replay(long seq, Collection<String> channels, Role role, int limit);

  /** The highest delivery number handed out so far. */
  long lastSequence();

  /**
   * Deletes numbered messages older than {@code hours} (when no other node is doing so).
   *
   * @return how many were deleted
   */
  int purge(int hours);
}
