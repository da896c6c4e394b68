package org.ringplatform.tunnel.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.ringplatform.identity.Role;
import org.ringplatform.tunnel.TunnelMessage;

/**
 * One connected Tunnel client (a WebSocket or an SSE stream): who it is, what it subscribed to, and
 * a bounded queue of frames waiting to be written, so that the dispatcher never waits for a slow
 * client. Per subscription it remembers the last delivery number it sent; a message at or below it
 * is a duplicate and dropped, which is what makes "replay, then live" exact.
 */
abstract class TunnelClient {

  /** Frames a client may have waiting before it is considered too slow and disconnected. */
  static final int MAX_QUEUED = 2_000;

  /** One subscription's position. */
  static final class Subscription {
    long lastSent;
    List<TunnelMessage> buffer;

    Subscription(long lastSent, boolean replaying) {
      this.lastSent = lastSent;
      this.buffer = replaying ? new ArrayList<>() : null;
    }
  }

  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(4);
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private volatile Long userId;
  private volatile Role role = Role.VISITOR;
  private volatile boolean authenticated;
  volatile long lastFrameNanos = System.nanoTime();
  volatile boolean closed;

  /** Records who the client is. */
  void authenticate(Long userId, Role role) {
    this.userId = userId;
    this.role = role;
    this.authenticated = true;
  }

  boolean authenticated() {
    return authenticated;
  }

  Long userId() {
    return userId;
  }

  Role role() {
    return role;
  }

  Map<String, Subscription> subscriptions() {
    return subscriptions;
  }

  /** The text of {@code message} in this transport's format. */
  abstract String render(Rendered message);

  /** Starts writing queued frames, unless a write is already under way. */
  abstract void pump();

  /** Closes the connection; {@code reason} is for the peer and the log. */
  abstract void close(int code, String reason);

  /** Queues a frame; a client that has too many waiting is closed (it resumes on reconnect). */
  void enqueue(String frame) {
    if (closed) {
      return;
    }
    if (queued.incrementAndGet() > MAX_QUEUED) {
      close(1008, "too slow");
      return;
    }
    queue.add(frame);
    pump();
  }

  /** The next queued frame, or null. */
  String poll() {
    String next = queue.poll();
    if (next != null) {
      queued.decrementAndGet();
    }
    return next;
  }

  boolean hasQueued() {
    return !queue.isEmpty();
  }

  /**
   * Offers a live message on one of this client's channels: buffered while the subscription is
   * replaying, dropped if already sent, else queued.
   */
  void offer(TunnelMessage message, Rendered rendered) {
    synchronized (this) {
      Subscription s = subscriptions.get(message.channel());
      if (s == null) {
        return;
      }
      if (s.buffer != null) {
        s.buffer.add(message);
        return;
      }
      if (message.id() <= s.lastSent) {
        return;
      }
      s.lastSent = message.id();
    }
    enqueue(render(rendered));
  }

  /** Sends one replayed message of {@code channel} unless it was already sent. */
  void replayed(String channel, TunnelMessage message) {
    synchronized (this) {
      Subscription s = subscriptions.get(channel);
      if (s == null || message.id() <= s.lastSent) {
        return;
      }
      s.lastSent = message.id();
    }
    enqueue(render(new Rendered(message)));
  }

  /** Ends a subscription's replay: what arrived live meanwhile follows, without duplicates. */
  void replayDone(String channel) {
    List<TunnelMessage> pending;
    synchronized (this) {
      Subscription s = subscriptions.get(channel);
      if (s == null || s.buffer == null) {
        return;
      }
      pending = s.buffer;
      s.buffer = null;
      pending.sort(Comparator.comparingLong(TunnelMessage::id));
      List<TunnelMessage> fresh = new ArrayList<>();
      for (TunnelMessage m : pending) {
        if (m.id() > s.lastSent) {
          s.lastSent = m.id();
          fresh.add(m);
        }
      }
      pending = fresh;
    }
    for (TunnelMessage m : pending) {
      enqueue(render(new Rendered(m)));
    }
  }
}
