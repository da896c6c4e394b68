package org.ringplatform.tunnel.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.security.web.AccessTokens;
import org.ringplatform.security.web.RingPrincipal;
import org.ringplatform.tunnel.Channels;
import org.ringplatform.tunnel.Tunnel;

/**
 * The Tunnel's WebSocket at {@code /api/tunnel/ws}, speaking the JSON frames of
 * docs/tunnel-protocol.md: an {@code auth} frame first (an access token, or none to use the portal
 * session the handshake carried, or to stay a guest), then {@code subscribe} (optionally resuming
 * after a message id), {@code unsubscribe}, {@code publish} and {@code ping}. A malformed frame is
 * answered with {@code INVALID_FRAME} and the connection stays usable.
 */
@ServerEndpoint("/api/tunnel/ws")
public class TunnelEndpoint {

  private static final Logger LOG = Logger.getLogger(TunnelEndpoint.class.getName());
  private static final String CLIENT = "ring.tunnel.client";
  private static final String PORTAL_USER = "ring.tunnel.portal-user";
  private static final String DEFAULT_LAST_ID = "ring.tunnel.last-id";

  private static TunnelHub hub() {
    return CDI.current().select(TunnelHub.class).get();
  }

  @OnOpen
  public void open(Session session) {
    TunnelHub hub = hub();
    session.setMaxTextMessageBufferSize(64 * 1024);
    WebSocketClient client = new WebSocketClient(session, hub.executor());
    session.getUserProperties().put(CLIENT, client);
    Principal principal = session.getUserPrincipal();
    if (principal instanceof RingPrincipal portal) {
      // The handshake carried a portal session (checked by the authentication mechanism).
      session.getUserProperties().put(PORTAL_USER, portal.user());
    }
    hub.connect(client);
  }

  @OnMessage
  public void message(Session session, String text) {
    WebSocketClient client = (WebSocketClient) session.getUserProperties().get(CLIENT);
    if (client == null) {
      return;
    }
    client.lastFrameNanos = System.nanoTime();
    try {
      JsonObject frame = Frames.parse(text);
      String op = frame.getString("op");
      switch (op) {
        case "ping" -> client.enqueue(Frames.pong(frame.get("id")));
        case "auth" -> auth(session, client, frame);
        case "subscribe" -> {
          if (requireAuth(client)) {
            subscribe(session, client, frame);
          }
        }
        case "unsubscribe" -> {
          if (requireAuth(client)) {
            hub().unsubscribe(client, Frames.string(frame, "channel", 100));
          }
        }
        case "publish" -> {
          if (requireAuth(client)) {
            publish(client, frame);
          }
        }
        default -> throw new Frames.Invalid("Unknown op \"" + op + "\".");
      }
    } catch (Frames.Invalid e) {
      client.enqueue(Frames.error(Frames.INVALID_FRAME, e.getMessage()));
    }
  }

  private static boolean requireAuth(WebSocketClient client) {
    if (!client.authenticated()) {
      client.enqueue(Frames.error(Frames.UNAUTHORIZED, "Send an auth frame first."));
      return false;
    }
    return true;
  }

  private void auth(Session session, WebSocketClient client, JsonObject frame)
      throws Frames.Invalid {
    if (client.authenticated()) {
      throw new Frames.Invalid("Already authenticated; open a new connection to change.");
    }
    Optional<String> token = Frames.optionalString(frame, "token");
    Optional<Long> lastId = Frames.optionalId(frame, "lastId");
    AuthenticatedUser user;
    if (token.isPresent() && !token.get().isBlank()) {
      Optional<AccessTokens.Verified> verified =
          CDI.current().select(AccessTokens.class).get().verify(token.get());
      if (verified.isEmpty()) {
        client.sendThenClose(
            Frames.error(Frames.AUTH_FAILED, "The access token is invalid or expired."),
            CloseReason.CloseCodes.VIOLATED_POLICY.getCode(),
            "auth failed");
        return;
      }
      user = verified.get().user();
    } else {
      user = (AuthenticatedUser) session.getUserProperties().get(PORTAL_USER);
    }
    lastId.ifPresent(id -> session.getUserProperties().put(DEFAULT_LAST_ID, id));
    Long userId = user == null ? null : user.id();
    Role role = user == null ? Role.VISITOR : user.role();
    client.authenticate(userId, role);
    client.enqueue(Frames.authOk(userId, role.id(), hub().idleTimeoutSeconds()));
  }

  private void subscribe(Session session, WebSocketClient client, JsonObject frame)
      throws Frames.Invalid {
    String channel = Frames.string(frame, "channel", 100);
    Optional<Long> lastId = Frames.optionalId(frame, "lastId");
    if (lastId.isEmpty() && session.getUserProperties().get(DEFAULT_LAST_ID) instanceof Long id) {
      lastId = Optional.of(id);
    }
    if (!Channels.isKnown(channel)) {
      client.enqueue(Frames.error(Frames.FORBIDDEN, "Unknown channel " + channel + "."));
      return;
    }
    Optional<Channels.Refusal> refusal =
        Channels.refuseSubscribe(channel, client.userId(), client.role());
    if (refusal.isPresent()) {
      client.enqueue(
          Frames.error(refusal.get().name(), "You may not subscribe to " + channel + "."));
      return;
    }
    TunnelHub hub = hub();
    long from = hub.subscribe(client, channel, lastId.orElse(null));
    client.enqueue(Frames.subscribed(channel, from));
    if (lastId.isPresent()) {
      hub.replay(client, List.of(channel), lastId.get());
    }
  }

  private void publish(WebSocketClient client, JsonObject frame) throws Frames.Invalid {
    String channel = Frames.string(frame, "channel", 100);
    String event = Frames.string(frame, "event", 100);
    if (!event.matches("[A-Za-z0-9_.:-]+")) {
      throw new Frames.Invalid("\"event\" may hold letters, digits and _ . : - only.");
    }
    JsonValue payload = frame.getOrDefault("payload", JsonValue.EMPTY_JSON_OBJECT);
    if (!(payload instanceof JsonObject) || payload.toString().length() > 8_000) {
      throw new Frames.Invalid("\"payload\" must be a JSON object of at most 8000 characters.");
    }
    Optional<Channels.Refusal> refusal =
        Channels.refusePublish(channel, client.userId(), client.role());
    if (refusal.isPresent()) {
      client.enqueue(Frames.error(refusal.get().name(), "You may not publish to " + channel + "."));
      return;
    }
    CDI.current().select(Tunnel.class).get().toChannel(channel, event, payload.toString());
  }

  @OnClose
  public void close(Session session) {
    if (session.getUserProperties().get(CLIENT) instanceof WebSocketClient client) {
      hub().disconnect(client);
    }
  }

  @OnError
  public void error(Session session, Throwable error) {
    LOG.log(Level.FINE, "Tunnel socket error: {0}", error.toString());
  }
}
