package org.ringplatform.tunnel.web;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.tunnel.Channels;
import org.ringplatform.tunnel.TunnelMessage;
import org.ringplatform.tunnel.TunnelOutbox;
import org.ringplatform.tunnel.TunnelWritten;

/**
 * This node's side of the Tunnel: the connected clients by channel, and the dispatcher that moves
 * messages from the outbox to them. After a commit that wrote to the outbox (and on a short timer,
 * which also covers other nodes' writes) it numbers pending messages (one node at a time), then
 * reads every numbered message after the last one it delivered and fans each out, in order, to the
 * clients subscribed to its channel that may see it. A message is rendered once, and each client
 * has its own queue, so a slow client never holds up the others. The dispatcher is one long-lived
 * thread that a commit merely wakes: commits landing within a few milliseconds of each other share
 * one pass (one numbering transaction and one read), and a busy node hands no task to the pool per
 * commit.
 */
@ApplicationScoped
public class TunnelHub {

  private static final Logger LOG = Logger.getLogger(TunnelHub.class.getName());
  private static final int BATCH = 1_000;

  @Inject private TunnelOutbox outbox;

  @Resource private ManagedScheduledExecutorService executor;

  @Resource private ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "ring.tunnel.idle-timeout-seconds", defaultValue = "90")
  int idleTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "ring.tunnel.poll-millis", defaultValue = "1000")
  long pollMillis;

  /** How long a woken dispatcher waits for further commits before its pass. */
  @Inject
  @ConfigProperty(name = "ring.tunnel.coalesce-millis", defaultValue = "10")
  long coalesceMillis;

  @Inject
  @ConfigProperty(name = "ring.tunnel.retention-hours", defaultValue = "24")
  int retentionHours;

  /** Fewest clients per parallel slice of a fan-out (see {@link FanOut}). */
  @Inject
  @ConfigProperty(name = "ring.tunnel.fanout-slice", defaultValue = "500")
  int fanOutSlice;

  private final Map<String, Set<TunnelClient>> byChannel = new ConcurrentHashMap<>();
  private final Set<TunnelClient> clients = ConcurrentHashMap.newKeySet();
  private final Semaphore wake = new Semaphore(0);
  private final List<ScheduledFuture<?>> timers = new ArrayList<>();
  private volatile long delivered = -1;
  private volatile boolean stopping;
  private Thread dispatcher;

  void start(@Observes @Initialized(ApplicationScoped.class) Object context) {
    delivered = outbox.lastSequence();
    dispatcher = threads.newThread(this::dispatch);
    dispatcher.setName("ring-tunnel-dispatcher");
    dispatcher.setDaemon(true);
    dispatcher.start();
    long sweep = Math.max(1, Math.min(10, idleTimeoutSeconds / 3));
    timers.add(executor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.SECONDS));
    timers.add(executor.scheduleWithFixedDelay(this::purge, 1, 30, TimeUnit.MINUTES));
    LOG.log(Level.INFO, "Tunnel dispatcher started after message {0}", delivered);
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (dispatcher != null) {
      dispatcher.interrupt();
    }
    timers.forEach(t -> t.cancel(false));
    for (TunnelClient c : clients) {
      c.close(1001, "server stopping");
    }
  }

  /** Wakes the dispatcher once a transaction that wrote to the outbox has committed. */
  void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) TunnelWritten event) {
    poke();
  }

  /** Wakes the dispatcher: a pass runs now, or once more right after the pass under way. */
  void poke() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /**
   * The dispatcher's loop: a pass when woken (after a short wait that lets commits landing together
   * share it) or when the poll interval passes without a wake-up.
   */
  private void dispatch() {
    while (!stopping) {
      try {
        if (wake.tryAcquire(Math.max(50, pollMillis), TimeUnit.MILLISECONDS)
            && coalesceMillis > 0) {
          Thread.sleep(coalesceMillis);
        }
        wake.drainPermits();
        drain();
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Tunnel dispatch failed; retrying on the next tick", e);
      }
    }
  }

  /** Numbers what is pending, then fans out every message after the last one delivered. */
  private void drain() {
    outbox.sequence();
    List<TunnelMessage> batch;
    do {
      batch = outbox.after(delivered, BATCH);
      for (TunnelMessage m : batch) {
        fanOut(m);
        delivered = m.id();
      }
    } while (batch.size() == BATCH && !stopping);
  }

  private void fanOut(TunnelMessage m) {
    Set<TunnelClient> subscribers = byChannel.get(m.channel());
    if (subscribers == null || subscribers.isEmpty()) {
      return;
    }
    Rendered rendered = new Rendered(m);
    List<TunnelClient> targets = new ArrayList<>(subscribers.size());
    for (TunnelClient c : subscribers) {
      if (Channels.delivers(m, c.role())) {
        targets.add(c);
      }
    }
    FanOut.run(
        targets,
        c -> {
          try {
            c.offer(m, rendered);
          } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Delivery to a client failed: {0}", e.toString());
          }
        },
        executor,
        Runtime.getRuntime().availableProcessors(),
        fanOutSlice);
  }

  /** The last delivery number fanned out on this node. */
  long delivered() {
    return delivered;
  }

  java.util.concurrent.Executor executor() {
    return executor;
  }

  int idleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  /** Number of connected clients (for the benchmark and health). */
  public int connected() {
    return clients.size();
  }

  void connect(TunnelClient client) {
    clients.add(client);
  }

  void disconnect(TunnelClient client) {
    client.closed = true;
    clients.remove(client);
    for (String channel : client.subscriptions().keySet()) {
      Set<TunnelClient> set = byChannel.get(channel);
      if (set != null) {
        set.remove(client);
      }
    }
    client.subscriptions().clear();
  }

  /**
   * Subscribes {@code client} to {@code channel} (access already checked). Without {@code lastId}
   * it receives what is delivered from now on and the answer is the position to resume after; with
   * it, it first receives what it missed after {@code lastId} on that channel, then live messages,
   * in order and without duplicates: it is registered (buffering) before the replay is read, and
   * buffered messages at or below the last replayed one are dropped.
   *
   * @return the position the client may resume after
   */
  long subscribe(TunnelClient client, String channel, Long lastId) {
    long from = lastId == null ? delivered : lastId;
    synchronized (client) {
      if (client.subscriptions().containsKey(channel)) {
        return from;
      }
      client.subscriptions().put(channel, new TunnelClient.Subscription(from, lastId != null));
    }
    byChannel.computeIfAbsent(channel, k -> ConcurrentHashMap.newKeySet()).add(client);
    return from;
  }

  /** Sends what {@code client} missed on {@code channels} after {@code lastId}, then live ones. */
  void replay(TunnelClient client, Collection<String> channels, long lastId) {
    try {
      long after = lastId;
      List<TunnelMessage> page;
      int sent = 0;
      do {
        page = outbox.replay(after, channels, client.role(), BATCH);
        for (TunnelMessage m : page) {
          client.replayed(m.channel(), m);
          after = m.id();
        }
        sent += page.size();
      } while (page.size() == BATCH && sent < 20 * BATCH && !client.closed);
    } finally {
      for (String channel : channels) {
        client.replayDone(channel);
      }
    }
  }

  void unsubscribe(TunnelClient client, String channel) {
    synchronized (client) {
      client.subscriptions().remove(channel);
    }
    Set<TunnelClient> set = byChannel.get(channel);
    if (set != null) {
      set.remove(client);
    }
  }

  /** Closes WebSocket clients that sent no frame within the idle timeout. */
  private void sweep() {
    long limit = TimeUnit.SECONDS.toNanos(idleTimeoutSeconds);
    long now = System.nanoTime();
    for (TunnelClient c : clients) {
      if (c instanceof WebSocketClient && now - c.lastFrameNanos > limit) {
        LOG.log(Level.FINE, "Closing an idle Tunnel connection");
        c.close(1001, "idle timeout");
      } else if (c instanceof SseClient sse) {
        sse.heartbeat();
      }
    }
  }

  private void purge() {
    try {
      int gone = outbox.purge(retentionHours);
      if (gone > 0) {
        LOG.log(
            Level.INFO,
            "Tunnel outbox: {0} messages older than {1} h removed",
            new Object[] {gone, retentionHours});
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tunnel outbox clean-up failed", e);
    }
  }
}
