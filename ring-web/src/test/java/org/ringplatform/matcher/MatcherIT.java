package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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

/**
 * The matcher job on a real server and database: who is matched and who never is, the stored
 * breakdown and who may read it, one notice per member and listing whatever is rerun, a run stopped
 * mid-way and restarted, pending listings announced once approved, auto-approval's decision
 * recorded, and the expiry job. Listings and members are seeded in SQL with a skill no other test
 * uses, so the assertions see only this test's rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MatcherIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private String admin;

  private String admin() throws Exception {
    if (admin == null) {
      admin =
          new Api(base)
              .accessToken(TestAccounts.create("matcher-admin", Role.ADMIN), TestAccounts.PASSWORD);
    }
    return admin;
  }

  private static String skill() {
    return "sk-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A confirmed member whose skills and interests fit listings asking for {@code skill}. */
  private static long member(String label, Role role, String skill) throws Exception {
    long id = TestAccounts.id(TestAccounts.create(label, role));
    TestAccounts.query(
        "update ring.users set skills = array[?], interests = array['technology'],"
            + " experience_level = 'mid' where id = ? returning id",
        skill,
        id);
    return id;
  }

  private static long listing(
      long author,
      Long entity,
      String skill,
      String status,
      String visibility,
      boolean confidential)
      throws Exception {
    return ((Number)
            TestAccounts.query(
                "insert into ring.opportunities(type, title, summary, category, skills, remote,"
                    + " visibility, confidential, author_id, entity_id, status, experience_level)"
                    + " values ('request', 'Needs ' || ?, 'A test listing', 'technology',"
                    + " array[?], true, ?, ?, ?, ?, ?, 'mid') returning id",
                skill,
                skill,
                visibility,
                confidential,
                author,
                entity,
                status))
        .longValue();
  }

  private static JsonArray array(HttpResponse<String> r) {
    try (var reader = jakarta.json.Json.createReader(new StringReader(r.body()))) {
      return reader.readArray();
    }
  }

  private static long count(String sql, Object... params) throws Exception {
    return ((Number) TestAccounts.query(sql, params)).longValue();
  }

  private static Set<Long> matched(long listing) throws Exception {
    Set<Long> out = new java.util.TreeSet<>();
    long n =
        count("select count(*) from ring.opportunity_matches where opportunity_id = ?", listing);
    for (int i = 0; i < n; i++) {
      out.add(
          ((Number)
                  TestAccounts.query(
                      "select user_id from ring.opportunity_matches where opportunity_id = ?"
                          + " order by user_id offset ?",
                      listing,
                      i))
              .longValue());
    }
    return out;
  }

  private static long notices(long user, long listing) throws Exception {
    return count(
        "select count(*) from ring.notifications where user_id = ?"
            + " and type = 'opportunity_matched_ai' and dedupe_key = ?",
        user,
        "opportunity:" + listing);
  }

  /** Starts a run (waiting out any run under way) and returns its id. */
  private long start(String body) throws Exception {
    Api api = new Api(base);
    for (int attempt = 0; attempt < 120; attempt++) {
      HttpResponse<String> r = api.post("/api/admin/matcher/runs", body, admin());
      if (r.statusCode() == 202) {
        return Api.json(r).getJsonNumber("id").longValue();
      }
      assertEquals(409, r.statusCode(), r.body());
      Thread.sleep(500);
    }
    throw new AssertionError("The job stayed busy");
  }

  private JsonObject await(long run) throws Exception {
    Api api = new Api(base);
    for (int i = 0; i < 240; i++) {
      HttpResponse<String> r = api.get("/api/admin/matcher/runs/" + run, admin());
      assertEquals(200, r.statusCode(), r.body());
      JsonObject o = Api.json(r);
      String status = o.getString("status");
      if (!status.equals("starting") && !status.equals("running")) {
        return o;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Run " + run + " did not end");
  }

  /**
   * Waits until the run has really started matching, so a stop sent next lands mid-way rather than
   * before the reader opened (a stop while "starting" ends the run with nothing done).
   */
  private void awaitProgress(long run) throws Exception {
    Api api = new Api(base);
    for (int i = 0; i < 400; i++) {
      JsonObject o = Api.json(api.get("/api/admin/matcher/runs/" + run, admin()));
      if (o.getString("status").equals("running") && o.getInt("itemsDone") > 0) {
        return;
      }
      assertTrue(
          o.getString("status").equals("starting") || o.getString("status").equals("running"),
          "the run ended before it could be stopped: " + o);
      Thread.sleep(50);
    }
    throw new AssertionError("Run " + run + " made no progress");
  }

  private JsonObject runMatcher() throws Exception {
    JsonObject run = await(start("{\"job\":\"matcher\"}"));
    assertEquals("completed", run.getString("status"), run.toString());
    return run;
  }

  @Test
  void matchesEligibleMembersOnlyAndTellsEachOnceWhateverIsRerun() throws Exception {
    String skill = skill();
    long author = member("author", Role.MEMBER, skill);
    long entity = TestAccounts.entity(author, "public", false);
    long fit = member("fit", Role.MEMBER, skill);
    long confidential = member("conf", Role.CONFIDENTIAL, skill);
    long subscriber = member("subscriber", Role.SUBSCRIBER, skill);
    long suspended = member("suspended", Role.MEMBER, skill);
    TestAccounts.query(
        "update ring.users set status = 'suspended' where id = ? returning id", suspended);
    long unconfirmed = member("unconfirmed", Role.MEMBER, skill);
    TestAccounts.query(
        "update ring.users set email_verified = false where id = ? returning id", unconfirmed);
    long blocker = member("blocker", Role.MEMBER, skill);
    TestAccounts.query(
        "insert into ring.entity_blocks(user_id, entity_id) values (?, ?) returning user_id",
        blocker,
        entity);
    long uninterested = member("uninterested", Role.MEMBER, skill);
    long misfit = TestAccounts.id(TestAccounts.create("misfit", Role.MEMBER));
    long id = listing(author, entity, skill, "active", "member", false);
    TestAccounts.query(
        "insert into ring.opportunity_interactions(user_id, opportunity_id, action)"
            + " values (?, ?, 'not_interested') returning user_id",
        uninterested,
        id);
    long secret = listing(author, null, skill, "active", "public", true);

    // This run, or a scheduled one of the shared server that got there first, has matched both
    // listings by the time it completes; what counts is who was matched and told.
    runMatcher();

    assertEquals(
        Set.of(fit, confidential),
        matched(id),
        "not the author, a subscriber below the listing's visibility, a suspended or unconfirmed"
            + " account, someone blocking its entity or not interested, or a misfit "
            + misfit);
    assertEquals(
        Set.of(confidential), matched(secret), "a confidential listing never reaches a member");
    assertEquals(1, notices(fit, id));
    assertEquals(0, notices(subscriber, id));

    Api api = new Api(base);
    HttpResponse<String> asAuthor =
        api.get(
            "/api/opportunities/" + id + "/matches",
            api.accessToken(
                (String) TestAccounts.query("select email from ring.users where id = ?", author),
                TestAccounts.PASSWORD));
    assertEquals(200, asAuthor.statusCode(), asAuthor.body());
    JsonObject first = array(asAuthor).getJsonObject(0);
    assertEquals(100, first.getInt("score"), asAuthor.body());
    assertEquals("deterministic", first.getJsonObject("breakdown").getString("method"));
    assertEquals(
        skill,
        first
            .getJsonObject("breakdown")
            .getJsonObject("skills")
            .getJsonArray("matched")
            .getString(0));
    assertTrue(first.containsKey("displayName"));
    String other =
        api.accessToken(TestAccounts.create("curious", Role.MEMBER), TestAccounts.PASSWORD);
    assertEquals(403, api.get("/api/opportunities/" + id + "/matches", other).statusCode());
    assertEquals(404, api.get("/api/opportunities/" + secret + "/matches", other).statusCode());
    assertEquals(200, api.get("/api/opportunities/" + id + "/matches", admin()).statusCode());

    // Run again, and edit the listing so it is matched again: still one notice each.
    runMatcher();
    TestAccounts.query(
        "update ring.opportunities set content_version = content_version + 1 where id = ?"
            + " returning id",
        id);
    runMatcher();
    assertEquals(1, notices(fit, id));
    assertEquals(1, notices(confidential, id));
    assertEquals(Set.of(fit, confidential), matched(id));
    assertEquals(
        0L,
        count(
            "select count(*) from ring.opportunities where id = ? and matched_version <> content_version",
            id));
  }

  @Test
  void aPendingListingIsMatchedButAnnouncedOnlyOnceActive() throws Exception {
    String skill = skill();
    long author = member("author", Role.MEMBER, skill);
    long fit = member("fit", Role.MEMBER, skill);
    long id = listing(author, null, skill, "pending", "public", false);
    runMatcher();
    assertEquals(Set.of(fit), matched(id));
    assertEquals(0, notices(fit, id), "members do not hear of a listing still in moderation");
    assertEquals(
        "auto_approve_disabled",
        TestAccounts.query(
            "select detail from ring.opportunity_events where opportunity_id = ?"
                + " and action = 'auto_approval'",
            id));
    assertEquals(
        "pending", TestAccounts.query("select status from ring.opportunities where id = ?", id));
    // An admin approves it (the opportunity service's job); the next run announces the matches.
    TestAccounts.query(
        "update ring.opportunities set status = 'active' where id = ? returning id", id);
    runMatcher();
    assertEquals(1, notices(fit, id));
    runMatcher();
    assertEquals(1, notices(fit, id));
  }

  @Test
  void aRunStoppedMidWayAndRestartedMatchesEveryListingOnce() throws Exception {
    String skill = skill();
    long author = member("author", Role.MEMBER, skill);
    List<Long> fits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fits.add(member("fit" + i, Role.MEMBER, skill));
    }
    int listings = 500;
    for (int i = 0; i < listings; i++) {
      listing(author, null, skill, "active", "public", false);
    }
    long run = start("{\"job\":\"matcher\",\"chunkSize\":1}");
    awaitProgress(run);
    Api api = new Api(base);
    HttpResponse<String> stop = api.post("/api/admin/matcher/runs/" + run + "/stop", null, admin());
    assertEquals(202, stop.statusCode(), stop.body());
    JsonObject stopped = await(run);
    assertEquals("stopped", stopped.getString("status"), stopped.toString());
    assertTrue(
        stopped.getInt("itemsDone") < stopped.getInt("itemsTotal"), "stopped mid-way: " + stopped);
    long open =
        count(
            "select count(*) from ring.opportunities where author_id = ? and matched_version < content_version",
            author);
    assertTrue(open > 0, "listings left for the restart");

    // The server outlives this class, so the matcher's schedule may start a run of its own in
    // between (one run at a time): the operator waits for it and restarts then.
    HttpResponse<String> restart =
        api.post("/api/admin/matcher/runs/" + run + "/restart", null, admin());
    for (int attempt = 0; attempt < 240 && restart.statusCode() == 409; attempt++) {
      Thread.sleep(250);
      restart = api.post("/api/admin/matcher/runs/" + run + "/restart", null, admin());
    }
    assertEquals(202, restart.statusCode(), restart.body());
    JsonObject done = await(run);
    assertEquals("completed", done.getString("status"), done.toString());
    assertEquals(
        0L,
        count(
            "select count(*) from ring.opportunities where author_id = ? and matched_version < content_version",
            author));
    assertEquals(
        3L * listings,
        count(
            "select count(*) from ring.opportunity_matches m join ring.opportunities o"
                + " on o.id = m.opportunity_id where o.author_id = ?",
            author));
    for (long fit : fits) {
      assertEquals(
          (long) listings,
          count(
              "select count(*) from ring.notifications where user_id = ?"
                  + " and type = 'opportunity_matched_ai'",
              fit),
          "one notice per listing");
    }
  }

  @Test
  void theExpiryJobExpiresListingsPastTheirDateAndTellsTheAuthorOnce() throws Exception {
    String skill = skill();
    long author = member("author", Role.MEMBER, skill);
    long past = listing(author, null, skill, "active", "public", false);
    long future = listing(author, null, skill, "active", "public", false);
    TestAccounts.query(
        "update ring.opportunities set expires_at = now() - interval '1 hour' where id = ?"
            + " returning id",
        past);
    TestAccounts.query(
        "update ring.opportunities set expires_at = now() + interval '1 day' where id = ?"
            + " returning id",
        future);
    for (int i = 0; i < 2; i++) {
      JsonObject run = await(start("{\"job\":\"expiry\"}"));
      assertEquals("completed", run.getString("status"), run.toString());
    }
    assertEquals(
        "expired", TestAccounts.query("select status from ring.opportunities where id = ?", past));
    assertEquals(
        "active", TestAccounts.query("select status from ring.opportunities where id = ?", future));
    assertEquals(
        1L,
        count(
            "select count(*) from ring.notifications where user_id = ? and type = 'opportunity_expired'",
            author));
    assertEquals(
        1L,
        count(
            "select count(*) from ring.opportunity_events where opportunity_id = ? and action = 'expired'",
            past));
  }

  @Test
  void theConsoleShowsRunsAndMatchesPerDay() throws Exception {
    runMatcher();
    Api api = new Api(base);
    HttpResponse<String> stats = api.get("/api/admin/matcher/stats", admin());
    assertEquals(200, stats.statusCode(), stats.body());
    assertEquals(30, Api.json(stats).getJsonArray("perDay").size());
    HttpResponse<String> runs = api.get("/api/admin/matcher/runs?job=matcher", admin());
    assertEquals(200, runs.statusCode(), runs.body());
    assertTrue(runs.body().contains("\"percent\""), runs.body());
    assertEquals(
        400, api.post("/api/admin/matcher/runs", "{\"job\":\"nope\"}", admin()).statusCode());
    Set<String> statuses =
        array(runs).getValuesAs(JsonObject.class).stream()
            .map(o -> o.getString("status"))
            .collect(Collectors.toSet());
    assertTrue(statuses.contains("completed"), runs.body());
  }
}
