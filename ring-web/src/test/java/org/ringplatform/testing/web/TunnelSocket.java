package org.ringplatform.testing.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client of the Tunnel's WebSocket ({@code java.net.http.WebSocket}): sends frames, collects
 * the server's frames in order, and (unless told not to) pings every second so that a short idle
 * timeout configured for the tests does not close it.
 */
public final class TunnelSocket implements AutoCloseable {

  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private final ScheduledExecutorService pinger;

  private TunnelSocket(URL base, boolean keepAlive) throws Exception {
    URI uri =
        URI.create(
            RingDeployment.at(base, "/api/tunnel/ws").toString().replaceFirst("^http", "ws"));
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, new Listener())
            .get(20, TimeUnit.SECONDS);
    if (keepAlive) {
      pinger = Executors.newSingleThreadScheduledExecutor();
      pinger.scheduleAtFixedRate(
          () -> {
            if (!closed.isDone()) {
              socket.sendText("{\"op\":\"ping\",\"id\":\"keepalive\"}", true);
            }
          },
          1,
          1,
          TimeUnit.SECONDS);
    } else {
      pinger = null;
    }
  }

  /** A connection that keeps itself alive. */
  public static TunnelSocket open(URL base) throws Exception {
    return new TunnelSocket(base, true);
  }

  /** A connection that sends nothing on its own. */
  public static TunnelSocket silent(URL base) throws Exception {
    return new TunnelSocket(base, false);
  }

  /** Opens, authenticates with {@code token} (null: guest) and checks auth_ok. */
  public static TunnelSocket authenticated(URL base, String token) throws Exception {
    TunnelSocket s = open(base);
    s.send(token == null ? "{\"op\":\"auth\"}" : "{\"op\":\"auth\",\"token\":\"" + token + "\"}");
    s.next("auth_ok");
    return s;
  }

  public void send(String frame) {
    socket.sendText(frame, true).join();
  }

  /** Subscribes and waits for the acknowledgement; returns its lastId. */
  public long subscribe(String channel, Long lastId) throws Exception {
    send(
        "{\"op\":\"subscribe\",\"channel\":\""
            + channel
            + "\""
            + (lastId == null ? "" : ",\"lastId\":" + lastId)
            + "}");
    return next("subscribed").getJsonNumber("lastId").longValue();
  }

  /** The next frame other than a keep-alive pong, within 15 s. */
  public JsonObject next() throws Exception {
    return next(f -> true, 15_000);
  }

  /** The next frame with this op (others before it are skipped), within 15 s. */
  public JsonObject next(String op) throws Exception {
    return next(f -> op.equals(f.getString("op", "")), 15_000);
  }

  /** The next frame matching {@code wanted} within {@code millis}, else an assertion error. */
  public JsonObject next(Predicate<JsonObject> wanted, long millis) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      long left = deadline - System.nanoTime();
      JsonObject f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
      if (f == null) {
        throw new AssertionError("No expected frame within " + millis + " ms");
      }
      if (isKeepAlive(f)) {
        continue;
      }
      if (wanted.test(f)) {
        return f;
      }
    }
  }

  /** Every frame (keep-alive pongs aside) arriving within {@code millis}. */
  public List<JsonObject> drain(long millis) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      JsonObject f = frames.poll(left, TimeUnit.NANOSECONDS);
      if (f != null && !isKeepAlive(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean isKeepAlive(JsonObject f) {
    return "pong".equals(f.getString("op", "")) && "keepalive".equals(f.getString("id", ""));
  }

  /** The close code once the server closed the connection, waiting up to {@code seconds}. */
  public int awaitClose(int seconds) throws Exception {
    return closed.get(seconds, TimeUnit.SECONDS);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (pinger != null) {
      pinger.shutdownNow();
    }
    if (!closed.isDone()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        frames.add(Json.createReader(new StringReader(text.toString())).readObject());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }
  }
}
