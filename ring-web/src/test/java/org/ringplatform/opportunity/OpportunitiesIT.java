package org.ringplatform.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
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

/**
 * Opportunities through the API: who may post which type (section 3.2) and for which entity, the
 * reference's section 20 item 2 cases, an update that can neither move the status nor touch another
 * person's listing, bad input that changes nothing, moderation as the only way to go live,
 * applications, save and "not interested", and search with its filters and visibility in the query.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpportunitiesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  /** A person with a token. */
  private record Person(String email, long id, String token) {}

  private Person person(Role role) throws Exception {
    String email = TestAccounts.create(role.id(), role);
    return new Person(
        email, TestAccounts.id(email), new Api(base).accessToken(email, TestAccounts.PASSWORD));
  }

  private static String listing(String type, String extra) {
    return "{\"type\":\""
        + type
        + "\",\"title\":\"Help wanted with Java\",\"summary\":\"We need a hand with a Java"
        + " service\",\"category\":\"technology\",\"tags\":[\" Java \",\"java\",\"Kyiv\"],"
        + "\"skills\":[\"SQL\"]"
        + (extra == null || extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  private static long id(HttpResponse<String> r) {
    return Api.json(r).getJsonNumber("id").longValue();
  }

  private static Object column(String column, long id) throws Exception {
    return TestAccounts.query("select " + column + " from ring.opportunities where id = ?", id);
  }

  private static long count(String sql, Object... params) throws Exception {
    return ((Number) TestAccounts.query(sql, params)).longValue();
  }

  private String admin() throws Exception {
    return new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  @Test
  void eachTypeHasItsRoleGateAndOfferLikeTypesSpeakForAnEntityOfTheAuthor() throws Exception {
    Api api = new Api(base);
    Person subscriber = person(Role.SUBSCRIBER);
    HttpResponse<String> request =
        api.post("/api/opportunities", listing("request", null), subscriber.token());
    assertEquals(201, request.statusCode(), request.body());
    JsonObject created = Api.json(request);
    assertEquals("draft", created.getString("status"));
    assertEquals("[\"java\",\"kyiv\"]", created.getJsonArray("tags").toString());
    for (String type : List.of("cv", "scheduled_services", "bounty")) {
      assertEquals(
          201,
          api.post("/api/opportunities", listing(type, null), subscriber.token()).statusCode());
    }
    long ownEntity = TestAccounts.entity(subscriber.id(), "public", false);
    assertEquals(
        403,
        api.post(
                "/api/opportunities",
                listing("offer", "\"entityId\":" + ownEntity),
                subscriber.token())
            .statusCode(),
        "an offer needs a member");

    Person member = person(Role.MEMBER);
    HttpResponse<String> noEntity =
        api.post("/api/opportunities", listing("job", null), member.token());
    assertEquals(400, noEntity.statusCode());
    assertEquals("entity_required", Api.json(noEntity).getString("code"));
    assertEquals(
        "entityId", Api.json(noEntity).getJsonArray("errors").getJsonObject(0).getString("field"));
    long othersEntity = TestAccounts.entity(subscriber.id(), "public", false);
    HttpResponse<String> notTheirs =
        api.post(
            "/api/opportunities", listing("offer", "\"entityId\":" + othersEntity), member.token());
    assertEquals(400, notTheirs.statusCode());
    assertEquals("entity_not_yours", Api.json(notTheirs).getString("code"));
    long memberEntity = TestAccounts.entity(member.id(), "public", false);
    assertEquals(
        201,
        api.post(
                "/api/opportunities",
                listing("offer", "\"entityId\":" + memberEntity),
                member.token())
            .statusCode());
    // Belonging to an entity is enough: the subscriber's entity invites the member.
    assertEquals(
        204,
        api.post(
                "/api/entities/" + othersEntity + "/members",
                "{\"email\":\"" + member.email() + "\"}",
                subscriber.token())
            .statusCode());
    assertEquals(
        201,
        api.post(
                "/api/opportunities",
                listing("partnership", "\"entityId\":" + othersEntity),
                member.token())
            .statusCode());
  }

  @Test
  void confidentialListingsFollowTheReferenceCases() throws Exception {
    Api api = new Api(base);
    Person member = person(Role.MEMBER);
    Person confidential = person(Role.CONFIDENTIAL);
    Person subscriber = person(Role.SUBSCRIBER);
    String superadmin = api.accessToken("superadmin@ring.local", TestAccounts.DEMO_PASSWORD);
    // Who may create confidential listings.
    assertEquals(
        403,
        api.post("/api/opportunities", listing("request", "\"confidential\":true"), member.token())
            .statusCode(),
        "member may not create confidential");
    assertEquals(
        403,
        api.post(
                "/api/opportunities",
                listing("request", "\"visibility\":\"confidential\""),
                member.token())
            .statusCode());
    HttpResponse<String> secret =
        api.post(
            "/api/opportunities",
            listing("request", "\"confidential\":true"),
            confidential.token());
    assertEquals(201, secret.statusCode(), "confidential role may create confidential");
    assertEquals(
        201,
        api.post(
                "/api/opportunities",
                listing("request", "\"visibility\":\"confidential\""),
                superadmin)
            .statusCode(),
        "superadmin may set confidential");
    assertEquals(
        403,
        api.post(
                "/api/opportunities",
                listing("request", "\"visibility\":\"member\""),
                subscriber.token())
            .statusCode(),
        "subscriber escalation rejected");
    // Editing someone else's listing: admins yes; members and (unlike the original's legacy
    // rule) confidential accounts no. Delete mirrors edit.
    long owned = id(api.post("/api/opportunities", listing("request", null), member.token()));
    String edited = listing("request", null).replace("Help wanted with Java", "Edited by someone");
    for (String other : List.of(person(Role.MEMBER).token(), confidential.token())) {
      HttpResponse<String> denied = api.call("PUT", "/api/opportunities/" + owned, edited, other);
      assertEquals(404, denied.statusCode(), "a draft of someone else is not even visible");
    }
    assertEquals(200, api.call("PUT", "/api/opportunities/" + owned, edited, admin()).statusCode());
    long active = TestAccounts.opportunity(member.id(), "request", "active", "public", false);
    for (String other : List.of(person(Role.MEMBER).token(), confidential.token())) {
      assertEquals(
          403, api.call("PUT", "/api/opportunities/" + active, edited, other).statusCode());
      assertEquals(
          403, api.call("DELETE", "/api/opportunities/" + active, null, other).statusCode());
    }
    assertEquals(
        204, api.call("DELETE", "/api/opportunities/" + active, null, admin()).statusCode());
    // Reads by id.
    long memberOnly =
        TestAccounts.opportunity(confidential.id(), "request", "active", "member", false);
    long flagged = TestAccounts.opportunity(confidential.id(), "request", "active", "public", true);
    assertEquals(
        404,
        api.get("/api/opportunities/" + memberOnly, subscriber.token()).statusCode(),
        "subscriber cannot open member-only by id");
    assertEquals(200, api.get("/api/opportunities/" + memberOnly, member.token()).statusCode());
    assertEquals(
        404,
        api.get("/api/opportunities/" + flagged, member.token()).statusCode(),
        "non-confidential cannot open confidential");
    assertEquals(404, api.get("/api/opportunities/" + flagged, null).statusCode());
    assertEquals(200, api.get("/api/opportunities/" + flagged, admin()).statusCode());
    assertEquals(200, api.get("/api/opportunities/" + flagged, confidential.token()).statusCode());
    // Nor can a member make their own listing confidential through an update.
    assertEquals(
        403,
        api.call(
                "PUT",
                "/api/opportunities/" + owned,
                listing("request", "\"confidential\":true"),
                member.token())
            .statusCode());
    assertEquals(Boolean.FALSE, column("confidential", owned));
  }

  @Test
  void theUpdateCannotChangeTheStatusNorTouchAnotherPersonsListing() throws Exception {
    Api api = new Api(base);
    Person author = person(Role.MEMBER);
    long draft = id(api.post("/api/opportunities", listing("request", null), author.token()));
    HttpResponse<String> sneaky =
        api.call(
            "PUT",
            "/api/opportunities/" + draft,
            listing("request", "\"status\":\"active\",\"title\":\"Now live?\"")
                .replace("\"title\":\"Help wanted with Java\",", ""),
            author.token());
    assertEquals(200, sneaky.statusCode(), sneaky.body());
    assertEquals("draft", column("status", draft), "a status in the body is ignored");
    assertEquals("Now live?", column("title", draft));

    Person stranger = person(Role.MEMBER);
    String hijack = listing("request", null).replace("Help wanted with Java", "Hijacked");
    assertEquals(
        404, api.call("PUT", "/api/opportunities/" + draft, hijack, stranger.token()).statusCode());
    long active = TestAccounts.opportunity(author.id(), "request", "active", "public", false);
    String before = (String) column("title", active);
    assertEquals(
        403,
        api.call("PUT", "/api/opportunities/" + active, hijack, stranger.token()).statusCode());
    assertEquals(
        403,
        api.post("/api/opportunities/" + active + "/close", null, stranger.token()).statusCode());
    assertEquals(before, column("title", active));
    assertEquals("active", column("status", active));
  }

  @Test
  void badInputIsAProblemWithItsFieldAndStoresNothing() throws Exception {
    Api api = new Api(base);
    Person member = person(Role.MEMBER);
    String[][] cases = {
      {listing("spaceships", null), "type", "type_invalid"},
      {listing("request", null).replace("technology", "astrology"), "category", "category_invalid"},
      {
        listing("request", "\"budgetMin\":500,\"budgetMax\":100,\"currency\":\"USD\""),
        "budgetMin",
        "budget_range"
      },
      {
        listing("request", "\"budgetMin\":-5,\"currency\":\"USD\""),
        "budgetMin",
        "budgetMin_negative"
      },
      {
        listing("request", "\"budgetMax\":100,\"currency\":\"usd\""), "currency", "currency_invalid"
      },
      {listing("request", "\"expiresAt\":\"2001-01-01T00:00:00Z\""), "expiresAt", "expiresAt_past"},
      {listing("request", null).replace("Help wanted with Java", "x"), "title", "title_invalid"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = api.post("/api/opportunities", c[0], member.token());
      assertEquals(400, r.statusCode(), c[2] + ": " + r.body());
      JsonObject problem = Api.json(r);
      assertEquals(c[2], problem.getString("code"));
      assertEquals(c[1], problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    assertEquals(
        0L, count("select count(*) from ring.opportunities where author_id = ?", member.id()));
    long draft = id(api.post("/api/opportunities", listing("request", null), member.token()));
    assertEquals(
        400,
        api.call(
                "PUT",
                "/api/opportunities/" + draft,
                listing("request", "\"budgetMin\":9,\"budgetMax\":1,\"currency\":\"EUR\"")
                    .replace("Help wanted with Java", "Changed"),
                member.token())
            .statusCode());
    assertEquals("Help wanted with Java", column("title", draft));
    assertEquals(400, api.get("/api/opportunities?type=spaceships", null).statusCode());
    assertEquals(400, api.get("/api/opportunities?budgetMin=abc", null).statusCode());
    assertEquals(400, api.get("/api/opportunities?size=101", null).statusCode());
    assertEquals(400, api.get("/api/opportunities?lat=50&lon=30", null).statusCode());
  }

  @Test
  void onlyModerationPutsAListingOnTheBoardAndEveryStepIsRecorded() throws Exception {
    Api api = new Api(base);
    Person author = person(Role.MEMBER);
    HttpResponse<String> posted =
        api.post("/api/opportunities", listing("request", "\"submit\":true"), author.token());
    long id = id(posted);
    assertEquals("pending", Api.json(posted).getString("status"));
    assertEquals(
        403,
        api.post("/api/admin/opportunities/" + id + "/approve", "{}", author.token()).statusCode());
    assertEquals(
        409, api.post("/api/opportunities/" + id + "/close", null, author.token()).statusCode());
    assertEquals(
        404, api.get("/api/opportunities/" + id, person(Role.MEMBER).token()).statusCode());
    // Rejection sends it back with a note, and the author hears of it.
    assertEquals(
        400, api.post("/api/admin/opportunities/" + id + "/reject", "{}", admin()).statusCode());
    assertEquals(
        200,
        api.post(
                "/api/admin/opportunities/" + id + "/reject",
                "{\"note\":\"Say what you pay\"}",
                admin())
            .statusCode());
    assertEquals("draft", column("status", id));
    assertEquals("Say what you pay", column("moderation_note", id));
    assertEquals(
        1L,
        count(
            "select count(*) from ring.notifications where user_id = ? and type = 'opportunity_rejected'",
            author.id()));
    assertEquals(
        200, api.post("/api/opportunities/" + id + "/submit", null, author.token()).statusCode());
    HttpResponse<String> approved =
        api.post("/api/admin/opportunities/" + id + "/approve", "{}", admin());
    assertEquals(200, approved.statusCode(), approved.body());
    assertEquals("active", Api.json(approved).getString("status"));
    assertEquals(
        200, api.get("/api/opportunities/" + id, person(Role.MEMBER).token()).statusCode());
    // The author's edit of a live listing goes back to moderation, with a new content version.
    long version = ((Number) column("content_version", id)).longValue();
    assertEquals(
        200,
        api.call(
                "PUT",
                "/api/opportunities/" + id,
                listing("request", "\"skills\":[\"postgresql\"]"),
                author.token())
            .statusCode());
    assertEquals("pending", column("status", id));
    assertTrue(((Number) column("content_version", id)).longValue() > version);
    assertEquals(
        200, api.post("/api/admin/opportunities/" + id + "/approve", "{}", admin()).statusCode());
    assertEquals(
        200, api.post("/api/opportunities/" + id + "/close", null, author.token()).statusCode());
    assertEquals(
        409, api.call("DELETE", "/api/opportunities/" + id, null, author.token()).statusCode());
    assertEquals(
        200, api.post("/api/opportunities/" + id + "/archive", null, author.token()).statusCode());
    assertEquals(
        204, api.call("DELETE", "/api/opportunities/" + id, null, author.token()).statusCode());
    assertEquals(0L, count("select count(*) from ring.opportunities where id = ?", id));
    assertEquals(
        List.of(
            "created",
            "submitted",
            "rejected",
            "submitted",
            "approved",
            "updated",
            "resubmitted",
            "approved",
            "closed",
            "archived",
            "deleted"),
        actions(id).stream().filter(a -> !a.equals("auto_approval")).toList());
    // The matcher scores a pending listing after each submit (asynchronously, so its decisions
    // interleave); with auto-approval off (the default) it records that and activates nothing.
    assertEquals(
        0L,
        count(
            "select count(*) from ring.opportunity_events where opportunity_id = ?"
                + " and action = 'auto_approval' and detail not like 'auto_approve_disabled%'",
            id));
  }

  private static List<String> actions(long id) throws Exception {
    String joined =
        (String)
            TestAccounts.query(
                "select string_agg(action, ',' order by id) from ring.opportunity_events"
                    + " where opportunity_id = ?",
                id);
    return List.of(joined.split(","));
  }

  @Test
  void membersApplyOnceAndTheOwnerAnswersAndTheApplicantIsTold() throws Exception {
    Api api = new Api(base);
    Person owner = person(Role.MEMBER);
    long id = TestAccounts.opportunity(owner.id(), "request", "active", "public", false);
    String path = "/api/opportunities/" + id + "/applications";
    String message = "{\"message\":\"I know Java well\"}";
    assertEquals(403, api.post(path, message, person(Role.SUBSCRIBER).token()).statusCode());
    assertEquals(409, api.post(path, message, owner.token()).statusCode(), "not your own");
    Person applicant = person(Role.MEMBER);
    HttpResponse<String> applied = api.post(path, message, applicant.token());
    assertEquals(201, applied.statusCode(), applied.body());
    long applicationId = id(applied);
    assertEquals(409, api.post(path, message, applicant.token()).statusCode(), "only once");
    assertEquals(1, ((Number) column("applicant_count", id)).intValue());
    assertEquals(
        1L,
        count(
            "select count(*) from ring.notifications where user_id = ? and type = 'opportunity_applied'"
                + " and payload like ?",
            owner.id(),
            "%\"opportunityId\":" + id + "%"));
    assertEquals(403, api.get(path, applicant.token()).statusCode());
    HttpResponse<String> list = api.get(path, owner.token());
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains("I know Java well"));
    HttpResponse<String> accepted =
        api.post(
            path + "/" + applicationId + "/accept",
            "{\"response\":\"Welcome aboard\"}",
            owner.token());
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertEquals("accepted", Api.json(accepted).getString("status"));
    assertEquals(
        409, api.post(path + "/" + applicationId + "/reject", "{}", owner.token()).statusCode());
    assertEquals(
        "opportunity_application_decided",
        TestAccounts.query(
            "select type from ring.notifications where user_id = ? order by id desc limit 1",
            applicant.id()));
    assertEquals(204, api.call("DELETE", path + "/mine", null, applicant.token()).statusCode());
    assertEquals(0, ((Number) column("applicant_count", id)).intValue());
    assertEquals(404, api.call("DELETE", path + "/mine", null, applicant.token()).statusCode());
  }

  @Test
  void savingAndNotInterestedArePersonalAndIdempotent() throws Exception {
    Api api = new Api(base);
    String word = word();
    long id = insert(word + " saved listing", "request", "technology", "public", false, null);
    Person me = person(Role.MEMBER);
    Person other = person(Role.MEMBER);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          204, api.post("/api/opportunities/" + id + "/save", null, me.token()).statusCode());
      assertEquals(
          204,
          api.post("/api/opportunities/" + id + "/not-interested", null, me.token()).statusCode());
    }
    assertEquals(List.of(id), ids("saved=true", me.token()));
    assertEquals(List.of(), ids("saved=true", other.token()));
    assertEquals(List.of(), ids("q=" + word, me.token()), "left out of my board");
    assertEquals(List.of(id), ids("q=" + word + "&includeNotInterested=true", me.token()));
    assertEquals(List.of(id), ids("q=" + word, other.token()));
    assertEquals(
        204,
        api.call("DELETE", "/api/opportunities/" + id + "/not-interested", null, me.token())
            .statusCode());
    assertEquals(List.of(id), ids("q=" + word, me.token()));
  }

  private static String word() {
    return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** An active listing inserted straight in the database. */
  private static long insert(
      String title,
      String type,
      String category,
      String visibility,
      boolean confidential,
      String extraColumns,
      Object... extraValues)
      throws Exception {
    long author = TestAccounts.id(TestAccounts.create("search-author", Role.MEMBER));
    String columns = extraColumns == null ? "" : ", " + extraColumns;
    String marks = "?, ".repeat(extraValues.length);
    Object[] params = new Object[6 + extraValues.length];
    params[0] = type;
    params[1] = title;
    params[2] = category;
    params[3] = author;
    params[4] = visibility;
    params[5] = confidential;
    System.arraycopy(extraValues, 0, params, 6, extraValues.length);
    return ((Number)
            TestAccounts.query(
                "insert into ring.opportunities(type, title, summary, category, author_id, status,"
                    + " visibility, confidential"
                    + columns
                    + ") values (?, ?, 'A searchable listing', ?, ?, 'active', ?, ?"
                    + (marks.isEmpty() ? "" : ", " + marks.substring(0, marks.length() - 2))
                    + ") returning id",
                params))
        .longValue();
  }

  private List<Long> ids(String query, String token) throws Exception {
    HttpResponse<String> r = new Api(base).get("/api/opportunities?size=100&" + query, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  @Test
  void searchFindsWordsAndFiltersWithVisibilityInTheQuery() throws Exception {
    String w = word();
    long entity =
        TestAccounts.entity(
            TestAccounts.id(TestAccounts.create("e", Role.MEMBER)), "public", false);
    long kyiv =
        insert(
            w + " robotics",
            "offer",
            "technology",
            "public",
            false,
            "budget_min, budget_max, currency, latitude, longitude, entity_id",
            100,
            500,
            "USD",
            50.45,
            30.52,
            entity);
    long lviv =
        insert(
            w + " gardening",
            "request",
            "education",
            "public",
            false,
            "budget_min, budget_max, currency, latitude, longitude, remote, expires_at",
            1000,
            2000,
            "EUR",
            49.84,
            24.03,
            true,
            java.time.OffsetDateTime.now().plusDays(3));
    long secret = insert(w + " secret", "request", "technology", "public", true, null);
    long members = insert(w + " members", "request", "technology", "member", false, null);
    String member = person(Role.MEMBER).token();
    assertEquals(List.of(kyiv, lviv), sorted(ids("q=" + w, null)));
    assertEquals(List.of(kyiv, lviv, members), sorted(ids("q=" + w, member)));
    assertFalse(
        ids("q=" + w, member).contains(secret), "a confidential listing never reaches a member");
    assertTrue(ids("q=" + w, person(Role.CONFIDENTIAL).token()).contains(secret));
    assertEquals(List.of(kyiv), ids("q=" + w + "%20robotics", member));
    assertEquals(List.of(lviv), ids("q=" + w + "&type=request&type=cv&sort=newest", null));
    assertEquals(List.of(kyiv, lviv), sorted(ids("q=" + w + "&type=offer&type=request", null)));
    assertEquals(List.of(lviv), ids("q=" + w + "&category=education", null));
    assertEquals(List.of(), ids("q=" + w + "&budgetMin=600&budgetMax=900", null));
    assertEquals(
        List.of(kyiv, lviv), sorted(ids("q=" + w + "&budgetMin=400&budgetMax=1200", null)));
    assertEquals(List.of(kyiv), ids("q=" + w + "&budgetMin=400&budgetMax=1200&currency=USD", null));
    assertEquals(List.of(kyiv), ids("q=" + w + "&lat=50.45&lon=30.52&radiusKm=50", null));
    assertEquals(
        List.of(kyiv, lviv), sorted(ids("q=" + w + "&lat=50.45&lon=30.52&radiusKm=600", null)));
    assertEquals(List.of(kyiv), ids("entity=" + entity, null));
    assertEquals(List.of(lviv), ids("q=" + w + "&remote=true", null));
    assertEquals(List.of(lviv, kyiv), ids("q=" + w + "&sort=budget", null));
    assertEquals(lviv, ids("q=" + w + "&sort=expiring", null).get(0));
    HttpResponse<String> page = new Api(base).get("/api/opportunities?q=" + w + "&size=1", member);
    assertEquals(3, Api.json(page).getInt("total"));
    assertEquals(1, Api.json(page).getJsonArray("items").size());
    // A globally blocked entity takes its listings off the board; admins still see them in SQL.
    TestAccounts.query(
        "update ring.entities set moderation_status = 'blocked' where id = ? returning id", entity);
    assertEquals(List.of(), ids("entity=" + entity, member));
    assertEquals(404, new Api(base).get("/api/opportunities/" + kyiv, member).statusCode());
  }

  private static List<Long> sorted(List<Long> ids) {
    return ids.stream().sorted().toList();
  }

  @Test
  void theFullTextSearchCanUseTheGinIndex() throws Exception {
    try (Connection c = TestDatabase.get().connect();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      long author = TestAccounts.id(TestAccounts.create("bulk", Role.MEMBER));
      s.executeUpdate(
          "insert into ring.opportunities(type, title, summary, category, author_id, status)"
              + " select 'request', 'Bulk listing ' || g || ' about topic' || (g % 500), 'summary "
              + "text', 'technology', "
              + author
              + ", 'active' from generate_series(1, 1000) g");
      // Fresh rows wait in the GIN index's pending list, which the planner prices high; a vacuum
      // would merge them, as the server's autovacuum does.
      s.execute("select gin_clean_pending_list('ring.opportunities_search_ix')");
      s.execute("analyze ring.opportunities");
      s.execute("set local enable_seqscan = off");
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs =
          s.executeQuery(
              "explain select o.* from ring.opportunities o where o.status = 'active' and"
                  + " o.visibility in ('public') and o.confidential = false and o.search @@"
                  + " websearch_to_tsquery('simple', 'topic7') order by ts_rank(o.search,"
                  + " websearch_to_tsquery('simple', 'topic7')) desc limit 20")) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      c.rollback();
      assertTrue(plan.toString().contains("opportunities_search_ix"), plan.toString());
    }
  }

  @Test
  void theBoardAndAListingPageShowWhatTheViewerMaySee() throws Exception {
    Api api = new Api(base);
    String title = word() + " page listing";
    long id = insert(title, "request", "technology", "public", false, null);
    long secret = insert(word() + " hidden page", "request", "technology", "member", false, null);
    HttpResponse<String> board = api.get("/opportunities", null);
    assertEquals(200, board.statusCode());
    assertTrue(board.body().contains("opportunities-page"));
    HttpResponse<String> page = api.get("/opportunity?id=" + id, null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains(title));
    assertFalse(
        page.body().contains("opportunity-matches"),
        "who matched and why is for the author and admins only");
    HttpResponse<String> hidden = api.get("/opportunity?id=" + secret, null);
    assertFalse(hidden.body().contains("hidden page"), "a member-only listing is not shown");
    assertTrue(api.get("/uk/opportunities", null).body().contains("Можливості"));
  }
}
