package org.ringplatform.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.TestDatabase;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;
import org.ringplatform.testing.web.TunnelSocket;

/**
 * The Tunnel (docs/tunnel-protocol.md): authentication before anything else, the channel rules,
 * malformed frames refused without harm, discovery events filtered by visibility, nothing from a
 * rolled-back change, and resuming after a message id on the WebSocket and over SSE: what was
 * missed, in order, without duplicates, then live. The tests run with a 3 s idle timeout.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TunnelIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private String token(Role role) throws Exception {
    return new Api(base).accessToken(TestAccounts.create("tunnel", role), TestAccounts.PASSWORD);
  }

  private static String error(JsonObject frame) {
    assertEquals("error", frame.getString("op"), frame.toString());
    return frame.getString("code");
  }

  /** Creates an entity through the API (so the service publishes it); returns its id. */
  private long createEntity(String token, String visibility, boolean confidential)
      throws Exception {
    HttpResponse<String> r =
        new Api(base)
            .post(
                "/api/entities",
                "{\"name\":\"Tunnel "
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"type\":\"technologySoftware\",\"shortDescription\":\"Live\","
                    + "\"visibility\":\""
                    + visibility
                    + "\",\"confidential\":"
                    + confidential
                    + "}",
                token);
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r).getJsonNumber("id").longValue();
  }

  /** The next entity event on {@code s}. */
  private static JsonObject entityEvent(TunnelSocket s) throws Exception {
    return s.next(
        f -> "message".equals(f.getString("op", "")) && "entities".equals(f.getString("channel")),
        15_000);
  }

  private static long entityIdOf(JsonObject message) {
    return message.getJsonObject("payload").getJsonNumber("id").longValue();
  }

  @Test
  void everyOperationButPingNeedsAnAuthFrameFirst() throws Exception {
    try (TunnelSocket s = TunnelSocket.open(base)) {
      s.send("{\"op\":\"subscribe\",\"channel\":\"entities\"}");
      assertEquals("UNAUTHORIZED", error(s.next()));
      s.send("{\"op\":\"publish\",\"channel\":\"admin\",\"event\":\"x\",\"payload\":{}}");
      assertEquals("UNAUTHORIZED", error(s.next()));
      s.send("{\"op\":\"ping\",\"id\":7}");
      assertEquals(7, s.next("pong").getInt("id"));
    }
  }

  @Test
  void aBadTokenFailsAuthenticationAndEndsTheConnection() throws Exception {
    try (TunnelSocket s = TunnelSocket.open(base)) {
      s.send("{\"op\":\"auth\",\"token\":\"not.a.token\"}");
      assertEquals("AUTH_FAILED", error(s.next()));
      assertEquals(1008, s.awaitClose(10));
    }
  }

  @Test
  void aPersonsChannelIsTheirsAloneAndTheAdminChannelIsForAdmins() throws Exception {
    String email = TestAccounts.create("owner", Role.MEMBER);
    long id = TestAccounts.id(email);
    String member = new Api(base).accessToken(email, TestAccounts.PASSWORD);
    try (TunnelSocket s = TunnelSocket.authenticated(base, member)) {
      s.subscribe("user:" + id, null);
      s.send("{\"op\":\"subscribe\",\"channel\":\"user:" + (id + 1) + "\"}");
      assertEquals("FORBIDDEN", error(s.next()));
      s.send("{\"op\":\"subscribe\",\"channel\":\"admin\"}");
      assertEquals("FORBIDDEN", error(s.next()));
      s.send("{\"op\":\"subscribe\",\"channel\":\"no-such-channel\"}");
      assertEquals("FORBIDDEN", error(s.next()));
    }
    try (TunnelSocket guest = TunnelSocket.authenticated(base, null)) {
      guest.send("{\"op\":\"subscribe\",\"channel\":\"user:" + id + "\"}");
      assertEquals("UNAUTHORIZED", error(guest.next()));
      guest.subscribe("entities", null);
    }
    String admin = new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    try (TunnelSocket a = TunnelSocket.authenticated(base, admin)) {
      a.subscribe("admin", null);
      a.send(
          "{\"op\":\"publish\",\"channel\":\"admin\",\"event\":\"note:posted\","
              + "\"payload\":{\"text\":\"hello admins\"}}");
      JsonObject m = a.next("message");
      assertEquals("admin", m.getString("channel"));
      assertEquals("hello admins", m.getJsonObject("payload").getString("text"));
    }
  }

  @Test
  void clientsNeverPublishToInboxOrDiscoveryChannels() throws Exception {
    String email = TestAccounts.create("publisher", Role.CONFIDENTIAL);
    long id = TestAccounts.id(email);
    String token = new Api(base).accessToken(email, TestAccounts.PASSWORD);
    try (TunnelSocket s = TunnelSocket.authenticated(base, token)) {
      for (String channel : List.of("user:" + id, "entities", "opportunities", "admin")) {
        s.send(
            "{\"op\":\"publish\",\"channel\":\""
                + channel
                + "\",\"event\":\"entity:created\",\"payload\":{\"id\":1}}");
        assertEquals("FORBIDDEN", error(s.next()), channel);
      }
    }
  }

  @Test
  void aMalformedFrameIsRefusedAndTheConnectionStaysUsable() throws Exception {
    try (TunnelSocket s = TunnelSocket.authenticated(base, null)) {
      for (String bad :
          List.of(
              "not json",
              "[1,2]",
              "{\"op\":5}",
              "{\"op\":\"fly\"}",
              "{\"op\":\"subscribe\"}",
              "{\"op\":\"subscribe\",\"channel\":\"entities\",\"lastId\":-3}",
              "{\"op\":\"subscribe\",\"channel\":\"entities\",\"lastId\":\"abc\"}")) {
        s.send(bad);
        assertEquals("INVALID_FRAME", error(s.next()), bad);
      }
      s.send("{\"op\":\"ping\",\"id\":\"still-there\"}");
      assertEquals("still-there", s.next("pong").getString("id"));
      assertFalse(s.isClosed());
    }
  }

  @Test
  void aConfidentialEntityIsAnnouncedOnlyToConfidentialSubscribers() throws Exception {
    String confidential = token(Role.CONFIDENTIAL);
    try (TunnelSocket insider = TunnelSocket.authenticated(base, confidential);
        TunnelSocket member = TunnelSocket.authenticated(base, token(Role.MEMBER));
        TunnelSocket guest = TunnelSocket.authenticated(base, null)) {
      insider.subscribe("entities", null);
      member.subscribe("entities", null);
      guest.subscribe("entities", null);

      long secret = createEntity(confidential, "member", true);
      long open = createEntity(confidential, "public", false);

      JsonObject first = entityEvent(insider);
      assertEquals("entity:created", first.getString("event"));
      assertEquals(secret, entityIdOf(first));
      assertEquals(open, entityIdOf(entityEvent(insider)));
      // The public entity was created after the confidential one: when it arrives, the
      // confidential one would have arrived before it.
      assertEquals(open, entityIdOf(entityEvent(member)), "the member skips the secret one");
      assertEquals(open, entityIdOf(entityEvent(guest)), "the guest skips the secret one");
      assertTrue(first.getJsonNumber("id").longValue() > 0);
    }
  }

  @Test
  void aFanOutInParallelSlicesGivesEverySubscriberEveryEventInOrder() throws Exception {
    // The tests run with ring.tunnel.fanout-slice=8: 40 subscribers are served in parallel slices.
    List<TunnelSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        TunnelSocket s = TunnelSocket.authenticated(base, null);
        sockets.add(s);
        s.subscribe("entities", null);
      }
      String author = token(Role.MEMBER);
      List<Long> created = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        created.add(createEntity(author, "public", false));
      }
      for (TunnelSocket s : sockets) {
        List<Long> got = new ArrayList<>();
        while (got.size() < created.size()) {
          long id = entityIdOf(entityEvent(s));
          if (id >= created.get(0)) {
            got.add(id);
          }
        }
        assertEquals(created, got, "each subscriber, each event, in order");
      }
    } finally {
      sockets.forEach(TunnelSocket::close);
    }
  }

  /**
   * Outbox rows written by transactions that commit out of order: the later one is delivered first,
   * the earlier one after it with a larger id, so a client resuming after the first delivered id
   * still gets it; a rolled-back row never appears.
   */
  @Test
  void messagesAreNumberedInCommitOrderAndARolledBackOneIsNeverDelivered() throws Exception {
    String marker = UUID.randomUUID().toString();
    try (TunnelSocket s = TunnelSocket.authenticated(base, null);
        Connection slow = TestDatabase.get().connect();
        Connection fast = TestDatabase.get().connect();
        Connection undone = TestDatabase.get().connect()) {
      s.subscribe("entities", null);
      slow.setAutoCommit(false);
      fast.setAutoCommit(false);
      undone.setAutoCommit(false);
      outbox(slow, marker, "slow");
      outbox(undone, marker, "rolled-back");
      outbox(fast, marker, "fast");
      fast.commit();
      undone.rollback();
      JsonObject fastMessage = s.next("message");
      assertEquals("fast", fastMessage.getJsonObject("payload").getString("step"));
      slow.commit();
      JsonObject slowMessage = s.next("message");
      assertEquals("slow", slowMessage.getJsonObject("payload").getString("step"));
      assertTrue(
          slowMessage.getInt("id") > fastMessage.getInt("id"),
          "the row written first but committed last is numbered last");
      assertTrue(s.drain(2_500).stream().noneMatch(f -> "message".equals(f.getString("op"))));

      try (TunnelSocket resumed = TunnelSocket.authenticated(base, null)) {
        resumed.subscribe("entities", (long) fastMessage.getInt("id"));
        JsonObject again = resumed.next("message");
        assertEquals("slow", again.getJsonObject("payload").getString("step"));
      }
    }
  }

  private static void outbox(Connection c, String marker, String step) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.tunnel_events(channel, event, visibility, payload)"
                + " values ('entities', 'entity:updated', 'public', ?)")) {
      ps.setString(
          1,
          Json.createObjectBuilder()
              .add("id", 0)
              .add("marker", marker)
              .add("step", step)
              .build()
              .toString());
      ps.executeUpdate();
    }
  }

  @Test
  void aClientResumingAfterItsLastIdGetsWhatItMissedInOrderThenLiveWithoutDuplicates()
      throws Exception {
    String owner = token(Role.MEMBER);
    long lastSeen;
    try (TunnelSocket s = TunnelSocket.authenticated(base, null)) {
      s.subscribe("entities", null);
      createEntity(owner, "public", false);
      lastSeen = entityEvent(s).getJsonNumber("id").longValue();
    }
    List<Long> missed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      missed.add(createEntity(owner, "public", false));
    }
    try (TunnelSocket s = TunnelSocket.authenticated(base, null)) {
      assertEquals(lastSeen, s.subscribe("entities", lastSeen));
      List<Long> replayed = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        JsonObject m = entityEvent(s);
        replayed.add(entityIdOf(m));
        ids.add(m.getJsonNumber("id").longValue());
      }
      assertEquals(missed, replayed, "missed events, in order");
      long live = createEntity(owner, "public", false);
      JsonObject next = entityEvent(s);
      assertEquals(live, entityIdOf(next), "then the live one");
      ids.add(next.getJsonNumber("id").longValue());
      for (JsonObject f : s.drain(2_000)) {
        if ("message".equals(f.getString("op"))) {
          ids.add(f.getJsonNumber("id").longValue());
        }
      }
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates: " + ids);
      for (int i = 1; i < ids.size(); i++) {
        assertTrue(ids.get(i) > ids.get(i - 1), "increasing ids: " + ids);
      }
    }
  }

  @Test
  void theSseFallbackResumesAfterLastEventIdAndThenStreamsLive() throws Exception {
    String owner = token(Role.MEMBER);
    long lastSeen;
    try (TunnelSocket s = TunnelSocket.authenticated(base, null)) {
      s.subscribe("entities", null);
      createEntity(owner, "public", false);
      lastSeen = entityEvent(s).getJsonNumber("id").longValue();
    }
    long a = createEntity(owner, "public", false);
    long b = createEntity(owner, "public", false);
    LinkedBlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    HttpResponse<InputStream> response =
        RingDeployment.http()
            .send(
                HttpRequest.newBuilder(RingDeployment.at(base, "/api/tunnel/sse?channels=entities"))
                    .header("Last-Event-ID", String.valueOf(lastSeen))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String event = null;
                String line;
                while ((line = in.readLine()) != null) {
                  if (line.startsWith("id: ")) {
                    id = line.substring(4);
                  } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                  } else if (line.startsWith("data: ")) {
                    events.add(new String[] {id, event, line.substring(6)});
                  } else if (line.isEmpty()) {
                    id = null;
                    event = null;
                  }
                }
              } catch (Exception e) {
                // The test ends by closing the stream.
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      String[] ready = events.poll(15, TimeUnit.SECONDS);
      assertEquals("tunnel:ready", ready[1]);
      assertEquals(String.valueOf(lastSeen), ready[0]);
      List<Long> entityIds = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      long live = -1;
      for (int i = 0; i < 3; i++) {
        String[] e = events.poll(15, TimeUnit.SECONDS);
        assertTrue(e != null, "event " + i);
        assertEquals("entity:created", e[1]);
        JsonObject data = Json.createReader(new StringReader(e[2])).readObject();
        assertEquals(
            Long.parseLong(e[0]), data.getJsonNumber("id").longValue(), "id: on every event");
        entityIds.add(entityIdOf(data));
        ids.add(Long.parseLong(e[0]));
        if (i == 1) {
          live = createEntity(owner, "public", false);
        }
      }
      assertEquals(List.of(a, b, live), entityIds);
      assertTrue(ids.get(0) > lastSeen && ids.get(1) > ids.get(0) && ids.get(2) > ids.get(1));
    } finally {
      response.body().close();
    }
  }

  @Test
  void theSseStreamRefusesChannelsTheCallerMayNotUse() throws Exception {
    Api api = new Api(base);
    assertEquals(401, RingDeployment.get(base, "/api/tunnel/sse?channels=admin").statusCode());
    assertEquals(403, api.get("/api/tunnel/sse?channels=admin", token(Role.MEMBER)).statusCode());
    assertEquals(
        401,
        RingDeployment.get(
                base, "/api/tunnel/sse?channels=entities", "Authorization", "Bearer broken")
            .statusCode());
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
    try (TunnelSocket s = TunnelSocket.silent(base)) {
      s.send("{\"op\":\"auth\"}");
      long started = System.nanoTime();
      int code = s.awaitClose(20);
      assertEquals(1001, code);
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).toSeconds() >= 2,
          "not before the (test) timeout of 3 s");
    }
  }
}
