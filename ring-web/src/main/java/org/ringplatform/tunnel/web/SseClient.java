package org.ringplatform.tunnel.web;

import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Tunnel client on a Server-Sent Events stream: queued events are written and flushed by one
 * container task at a time; a failed write (the browser went away) ends the stream.
 */
final class SseClient extends TunnelClient {

  private final AsyncContext async;
  private final Executor executor;
  private final Runnable onClose;
  private final AtomicBoolean writing = new AtomicBoolean();
  private final boolean named;

  SseClient(AsyncContext async, Executor executor, boolean named, Runnable onClose) {
    this.async = async;
    this.named = named;
    this.executor = executor;
    this.onClose = onClose;
  }

  @Override
  String render(Rendered message) {
    return named ? message.sse() : message.sseUnnamed();
  }

  /** A comment line that keeps proxies from closing a quiet stream and detects dead clients. */
  void heartbeat() {
    enqueue(": ping\n\n");
  }

  @Override
  void pump() {
    if (!writing.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::write);
    } catch (RuntimeException e) {
      writing.set(false);
      close(1011, "write failed");
    }
  }

  private void write() {
    try {
      OutputStream out = async.getResponse().getOutputStream();
      String next;
      while (!closed && (next = poll()) != null) {
        out.write(next.getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
    } catch (IOException | RuntimeException e) {
      close(1011, "write failed");
    } finally {
      writing.set(false);
    }
    if (hasQueued() && !closed) {
      pump();
    }
  }

  @Override
  void close(int code, String reason) {
    if (closed) {
      return;
    }
    closed = true;
    onClose.run();
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // Already completed by the container (the client went away).
    }
  }
}
