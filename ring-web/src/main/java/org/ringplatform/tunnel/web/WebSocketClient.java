package org.ringplatform.tunnel.web;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Tunnel client on a WebSocket: frames are written asynchronously, one at a time (a WebSocket
 * allows one outstanding write), the next one started by the completion of the previous.
 */
final class WebSocketClient extends TunnelClient {

  private static final Logger LOG = Logger.getLogger(WebSocketClient.class.getName());
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  /** Loads classes like the application but finds no resources (see {@link #pump}). */
  private static final ClassLoader RESOURCE_LESS =
      new ClassLoader(WebSocketClient.class.getClassLoader()) {
        @Override
        public URL getResource(String name) {
          return null;
        }

        @Override
        public Enumeration<URL> getResources(String name) {
          return Collections.emptyEnumeration();
        }
      };

  private final Session session;
  private final Executor executor;
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile CloseReason closeWhenFlushed;

  WebSocketClient(Session session, Executor executor) {
    this.session = session;
    this.executor = executor;
  }

  @Override
  String render(Rendered message) {
    return message.webSocket();
  }

  @Override
  void pump() {
    if (!writing.compareAndSet(false, true)) {
      return;
    }
    String next = poll();
    if (next == null || closed) {
      writing.set(false);
      if (next == null && closeWhenFlushed != null && !hasQueued()) {
        close(closeWhenFlushed.getCloseCode().getCode(), closeWhenFlushed.getReasonPhrase());
        return;
      }
      if (hasQueued() && !closed) {
        pump();
      }
      return;
    }
    // Payara captures the caller's context for each asynchronous send, and with the application's
    // class loader current that meant a ServiceLoader scan of every jar per frame (three quarters
    // of a send's CPU time in a profile of a 10,000-socket fan-out). The send needs no resource of
    // ours, so it runs under a loader that has none; classes still come from the application.
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(RESOURCE_LESS);
    try {
      session
          .getAsyncRemote()
          .sendText(
              next,
              result -> {
                writing.set(false);
                if (!result.isOK()) {
                  close(1011, "write failed");
                  return;
                }
                continueLater();
              });
    } catch (RuntimeException e) {
      writing.set(false);
      close(1011, "write failed");
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** Starts the next write; a completion that runs inline must not grow the stack unbounded. */
  private void continueLater() {
    int[] depth = DEPTH.get();
    if (depth[0] > 8) {
      executor.execute(this::pump);
      return;
    }
    depth[0]++;
    try {
      pump();
    } finally {
      depth[0]--;
    }
  }

  /** Sends {@code frame} after whatever is queued, then closes. */
  void sendThenClose(String frame, int code, String reason) {
    closeWhenFlushed = new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
    enqueue(frame);
  }

  @Override
  void close(int code, String reason) {
    closed = true;
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "Closing a Tunnel socket failed: {0}", e.toString());
    }
  }
}
