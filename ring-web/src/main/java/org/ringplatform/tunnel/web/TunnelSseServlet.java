package org.ringplatform.tunnel.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.security.web.RingAuthenticationMechanism;
import org.ringplatform.tunnel.Channels;

/**
 * The Tunnel's Server-Sent Events fallback at {@code /api/tunnel/sse?channels=a,b}: the same
 * channels, rules and message ids as the WebSocket, one stream for all the channels asked for.
 * Authenticated by a bearer token or the portal session, or a guest (public discovery only). A
 * reconnecting browser sends {@code Last-Event-ID} (or {@code ?lastEventId=}) and first receives
 * what it missed, in order, then live events. Each event is named after the message's event, unless
 * {@code ?events=message} asks for unnamed events (what a browser's {@code onmessage} sees).
 */
@WebServlet(urlPatterns = "/api/tunnel/sse", asyncSupported = true)
public class TunnelSseServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject private transient TunnelHub hub;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object tokenError = request.getAttribute(RingAuthenticationMechanism.TOKEN_ERROR_ATTRIBUTE);
    if (tokenError != null) {
      problem(response, 401, "token_invalid", String.valueOf(tokenError));
      return;
    }
    Optional<AuthenticatedUser> user =
        request.getAttribute(RingAuthenticationMechanism.CALLER_ATTRIBUTE)
                instanceof AuthenticatedUser u
            ? Optional.of(u)
            : Optional.empty();
    Long userId = user.map(AuthenticatedUser::id).orElse(null);
    Role role = user.map(AuthenticatedUser::role).orElse(Role.VISITOR);

    Set<String> channels = new LinkedHashSet<>();
    String param = request.getParameter("channels");
    for (String c : param == null ? new String[0] : param.split(",")) {
      if (!c.isBlank()) {
        channels.add(c.strip());
      }
    }
    if (channels.isEmpty() || channels.size() > 20) {
      problem(response, 400, "channels_invalid", "Name 1 to 20 channels: ?channels=a,b");
      return;
    }
    for (String channel : channels) {
      if (!Channels.isKnown(channel)) {
        problem(response, 403, "channel_unknown", "Unknown channel " + channel + ".");
        return;
      }
      Optional<Channels.Refusal> refusal = Channels.refuseSubscribe(channel, userId, role);
      if (refusal.isPresent()) {
        boolean anonymous = refusal.get() == Channels.Refusal.UNAUTHORIZED;
        problem(
            response,
            anonymous ? 401 : 403,
            anonymous ? "unauthenticated" : "forbidden",
            "You may not subscribe to " + channel + ".");
        return;
      }
    }
    Long lastId;
    try {
      lastId = lastEventId(request);
    } catch (NumberFormatException e) {
      problem(response, 400, "last_event_id_invalid", "Last-Event-ID must be a message id.");
      return;
    }

    response.setStatus(200);
    response.setContentType("text/event-stream");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("X-Accel-Buffering", "no");
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    SseClient[] holder = new SseClient[1];
    SseClient client =
        new SseClient(
            async,
            hub.executor(),
            !"message".equals(request.getParameter("events")),
            () -> hub.disconnect(holder[0]));
    holder[0] = client;
    async.addListener(
        new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            hub.disconnect(client);
          }

          @Override
          public void onTimeout(AsyncEvent event) {
            client.close(1001, "timeout");
          }

          @Override
          public void onError(AsyncEvent event) {
            client.close(1011, "error");
          }

          @Override
          public void onStartAsync(AsyncEvent event) {
            // Not restarted.
          }
        });
    client.authenticate(userId, role);
    hub.connect(client);
    long from = -1;
    for (String channel : channels) {
      from = hub.subscribe(client, channel, lastId);
    }
    JsonArrayBuilder names = Json.createArrayBuilder();
    channels.forEach(names::add);
    // The first event carries the position to resume after, so that a reconnect loses nothing
    // even when no message arrived on this stream.
    jakarta.json.JsonObjectBuilder ready =
        Json.createObjectBuilder().add("channels", names).add("lastId", from);
    if (userId == null) {
      ready.addNull("userId");
    } else {
      ready.add("userId", userId);
    }
    client.enqueue(
        "retry: 3000\nid: " + from + "\nevent: tunnel:ready\ndata: " + ready.build() + "\n\n");
    if (lastId != null) {
      List<String> list = new ArrayList<>(channels);
      hub.replay(client, list, lastId);
    }
  }

  private static Long lastEventId(HttpServletRequest request) {
    String header = request.getHeader("Last-Event-ID");
    String value =
        header != null && !header.isBlank() ? header : request.getParameter("lastEventId");
    if (value == null || value.isBlank()) {
      return null;
    }
    long id = Long.parseLong(value.strip());
    if (id < 0) {
      throw new NumberFormatException("negative");
    }
    return id;
  }

  private static void problem(HttpServletResponse response, int status, String code, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"ring\"");
    }
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("type", "about:blank")
                .add(
                    "title",
                    status == 400 ? "Bad Request" : status == 401 ? "Unauthorized" : "Forbidden")
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .build()
                .toString());
  }
}
