package org.ringplatform.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;
import org.ringplatform.testing.web.TestMail;
import org.ringplatform.testing.web.TunnelSocket;

/**
 * Notifications through the API: preferences per type and channel decide what is shown and what is
 * mailed (GreenMail receives the mail); the unread count, marking one (only one's own) or all read,
 * the inbox filters, and the live push on the person's Tunnel channel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** A person with a token. */
  private record Person(String email, long id, String token) {}

  private Person person(String label) throws Exception {
    String email = TestAccounts.create(label, Role.MEMBER);
    return new Person(
        email, TestAccounts.id(email), new Api(base).accessToken(email, TestAccounts.PASSWORD));
  }

  /** Has {@code owner} add {@code who} to a new entity: an entity_invited notice for them. */
  private void invite(Person owner, Person who) throws Exception {
    long entity = TestAccounts.entity(owner.id(), "public", false);
    HttpResponse<String> r =
        new Api(base)
            .post(
                "/api/entities/" + entity + "/members",
                "{\"email\":\"" + who.email() + "\"}",
                owner.token());
    assertEquals(204, r.statusCode(), r.body());
  }

  private JsonObject list(Person p, String query) throws Exception {
    HttpResponse<String> r = new Api(base).get("/api/notifications" + query, p.token());
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private long unread(Person p) throws Exception {
    return Api.json(new Api(base).get("/api/notifications/unread-count", p.token()))
        .getJsonNumber("unread")
        .longValue();
  }

  private void prefer(Person p, String type, boolean inApp, boolean email) throws Exception {
    HttpResponse<String> r =
        new Api(base)
            .call(
                "PUT",
                "/api/notifications/preferences",
                "[{\"type\":\"" + type + "\",\"inApp\":" + inApp + ",\"email\":" + email + "}]",
                p.token());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void preferencesStartFromTheDefaultsAndUnknownTypesAreRefused() throws Exception {
    Person p = person("prefs");
    HttpResponse<String> r = new Api(base).get("/api/notifications/preferences", p.token());
    assertEquals(200, r.statusCode(), r.body());
    JsonArray prefs = Api.jsonArray(r);
    for (JsonObject pref : prefs.getValuesAs(JsonObject.class)) {
      assertTrue(pref.getBoolean("inApp"), pref.toString());
      boolean mailed =
          java.util.Set.of(
                  "opportunity_matched_ai",
                  "opportunity_applied",
                  "opportunity_application_decided",
                  "upgrade_approved",
                  "upgrade_rejected",
                  "membership_grace",
                  "membership_expired",
                  "vendor_approved",
                  "vendor_rejected",
                  "vendor_suspended",
                  "vendor_reinstated",
                  "store_order_paid",
                  "store_order_received",
                  "store_order_refund_requested")
              .contains(pref.getString("type"));
      assertEquals(mailed, pref.getBoolean("email"), pref.toString());
    }
    HttpResponse<String> bad =
        new Api(base)
            .call(
                "PUT",
                "/api/notifications/preferences",
                "[{\"type\":\"no_such_type\",\"inApp\":true,\"email\":true}]",
                p.token());
    assertEquals(400, bad.statusCode(), bad.body());
  }

  @Test
  void emailIsSentOnlyForTypesThePersonOptedInto() throws Exception {
    Person owner = person("owner");
    Person optedIn = person("optedin");
    Person byDefault = person("default");
    prefer(optedIn, "entity_invited", true, true);

    invite(owner, byDefault);
    invite(owner, optedIn);

    String mail = TestMail.await(optedIn.email(), 1);
    assertTrue(mail.contains("/notifications"), mail);
    // Both were told in the app; only the one who opted in got mail (sent in the same order).
    assertEquals(1, unread(optedIn));
    assertEquals(1, unread(byDefault));
    Thread.sleep(1_000);
    assertEquals(0, TestMail.to(byDefault.email()).size());
  }

  @Test
  void inAppOffKeepsANoticeOutOfTheInbox() throws Exception {
    Person owner = person("owner");
    Person quiet = person("quiet");
    prefer(quiet, "entity_invited", false, false);
    invite(owner, quiet);
    assertEquals(0, unread(quiet));
    assertEquals(0, list(quiet, "").getJsonNumber("total").longValue());
  }

  @Test
  void theInboxCountsFiltersAndMarksReadOnlyForItsOwner() throws Exception {
    Person owner = person("owner");
    Person p = person("reader");
    Person other = person("other");
    invite(owner, p);
    invite(owner, p);
    invite(owner, other);
    assertEquals(2, unread(p));

    JsonObject all = list(p, "?type=entity_invited&size=1");
    assertEquals(2, all.getJsonNumber("total").longValue());
    assertEquals(1, all.getJsonArray("items").size());
    assertEquals(0, list(p, "?type=upgrade_approved").getJsonNumber("total").longValue());
    JsonObject first = all.getJsonArray("items").getJsonObject(0);
    assertFalse(first.getBoolean("read"));
    assertTrue(first.getJsonObject("payload").containsKey("entity"));
    long id = first.getJsonNumber("id").longValue();

    long othersId =
        list(other, "").getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    assertEquals(
        404,
        new Api(base)
            .post("/api/notifications/" + othersId + "/read", null, p.token())
            .statusCode(),
        "someone else's notification is not found");
    assertEquals(1, unread(other));

    HttpResponse<String> read =
        new Api(base).post("/api/notifications/" + id + "/read", null, p.token());
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(1, Api.json(read).getJsonNumber("unread").longValue());
    assertEquals(1, list(p, "?unreadOnly=true").getJsonNumber("total").longValue());

    HttpResponse<String> readAll =
        new Api(base).post("/api/notifications/read-all", null, p.token());
    assertEquals(200, readAll.statusCode(), readAll.body());
    assertEquals(1, Api.json(readAll).getInt("marked"));
    assertEquals(0, unread(p));
    assertEquals(0, list(p, "?unreadOnly=true").getJsonNumber("total").longValue());
    assertEquals(400, new Api(base).get("/api/notifications?size=500", p.token()).statusCode());
  }

  @Test
  void aNewNotificationIsPushedLiveToThePersonsChannelWithTheUnreadCount() throws Exception {
    Person owner = person("owner");
    Person p = person("live");
    try (TunnelSocket s = TunnelSocket.authenticated(base, p.token())) {
      s.subscribe("user:" + p.id(), null);
      invite(owner, p);
      JsonObject m = s.next("message");
      assertEquals("notification:new", m.getString("event"));
      assertEquals(1, m.getJsonObject("payload").getInt("unread"));
      assertEquals(
          "entity_invited",
          m.getJsonObject("payload").getJsonObject("notification").getString("type"));
      new Api(base).post("/api/notifications/read-all", null, p.token());
      JsonObject read = s.next("message");
      assertEquals("notification:read", read.getString("event"));
      assertEquals(0, read.getJsonObject("payload").getInt("unread"));
    }
  }
}
