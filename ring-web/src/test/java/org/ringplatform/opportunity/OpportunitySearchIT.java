package org.ringplatform.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * The search API's JDBC read path and its result cache: results, totals and pages for text and
 * filters; visibility enforced whoever asked the same question first; every change visible at once;
 * and the list writes a listing exactly as the single read does. Each test searches for words of
 * its own, so it counts only listings it created.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpportunitySearchIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static String word() {
    return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private String token(Role role) throws Exception {
    return new Api(base)
        .accessToken(TestAccounts.create("search-" + role.id(), role), TestAccounts.PASSWORD);
  }

  private String admin() throws Exception {
    return new Api(base).accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
  }

  /** Active listings of a new member inserted in SQL; returns their ids in creation order. */
  private static List<Long> insert(
      int count, String title, String type, String visibility, boolean confidential, String more)
      throws Exception {
    long author = TestAccounts.id(TestAccounts.create("search-author", Role.MEMBER));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(
          ((Number)
                  TestAccounts.query(
                      "insert into ring.opportunities(type, title, summary, category, author_id,"
                          + " status, visibility, confidential, created_at"
                          + (more == null ? "" : ", " + more.split("=")[0])
                          + ") values (?, ?, 'A listing to search for', 'technology', ?, 'active',"
                          + " ?, ?, now() - make_interval(secs => ?)"
                          + (more == null ? "" : ", " + more.split("=")[1])
                          + ") returning id",
                      type,
                      title + " " + i,
                      author,
                      visibility,
                      confidential,
                      count - i))
              .longValue());
    }
    return ids;
  }

  private JsonObject search(String query, String token) throws Exception {
    HttpResponse<String> r = new Api(base).get("/api/opportunities?" + query, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("id").longValue())
        .toList();
  }

  private static List<Long> sorted(List<Long> ids) {
    return ids.stream().sorted().toList();
  }

  @Test
  void textFiltersAndPagesGiveTheRightListingsAndTotals() throws Exception {
    String w = word();
    List<Long> requests = insert(13, w + " request", "request", "public", false, null);
    List<Long> bounties =
        insert(12, w + " bounty", "bounty", "public", false, "budget_max, currency=900, 'EUR'");
    Set<Long> seen = new HashSet<>();
    for (int page = 0; page < 3; page++) {
      JsonObject p = search("q=" + w + "&size=10&sort=newest&page=" + page, null);
      assertEquals(25, p.getInt("total"), "every page carries the whole total");
      assertFalse(p.getBoolean("totalCapped"));
      assertEquals(page, p.getInt("page"));
      assertEquals(10, p.getInt("size"));
      assertEquals(page < 2 ? 10 : 5, p.getJsonArray("items").size());
      seen.addAll(ids(p));
    }
    List<Long> all = new ArrayList<>(requests);
    all.addAll(bounties);
    assertEquals(sorted(all), sorted(List.copyOf(seen)), "the pages cover every match once");
    // Newest first: the bounties were created after the requests, the last one most recently.
    assertEquals(bounties.get(11), ids(search("q=" + w + "&size=1&sort=newest", null)).get(0));
    JsonObject past = search("q=" + w + "&size=10&page=7", null);
    assertEquals(List.of(), ids(past));
    assertEquals(25, past.getInt("total"), "a page past the end still says how many match");
    JsonObject typed = search("q=" + w + "&type=bounty&size=5", null);
    assertEquals(12, typed.getInt("total"));
    assertTrue(bounties.containsAll(ids(typed)));
    assertEquals(12, search("q=" + w + "&budgetMin=800&currency=EUR&size=5", null).getInt("total"));
    assertEquals(0, search("q=" + w + "&budgetMin=901&size=5", null).getInt("total"));
    assertEquals(13, search("q=" + w + "%20request", null).getInt("total"));
    assertEquals(0, search("q=" + w + "&category=finance", null).getInt("total"));
    // Without a text query the page and the capped count are separate; both follow the filter.
    long entity =
        TestAccounts.entity(
            TestAccounts.id(TestAccounts.create("search-owner", Role.MEMBER)), "public", false);
    List<Long> ofEntity = insert(3, word(), "request", "public", false, "entity_id=" + entity);
    JsonObject board = search("entity=" + entity + "&size=2", null);
    assertEquals(3, board.getInt("total"));
    assertEquals(List.of(ofEntity.get(2), ofEntity.get(1)), ids(board));
    assertEquals(
        List.of(ofEntity.get(0)), ids(search("entity=" + entity + "&size=2&page=1", null)));
    assertEquals(400, new Api(base).get("/api/opportunities?type=nonsense", null).statusCode());
  }

  @Test
  void theRankedTotalEqualsTheNumberOfMatchesAndTheBestMatchComesFirst() throws Exception {
    String w = word();
    String other = word();
    insert(20, other + " filler", "request", "public", false, "description='" + w + "'");
    long titled =
        insert(1, w + " " + other + " in the title", "request", "public", false, null).get(0);
    insert(3, w + " member only", "request", "member", false, null);
    JsonObject ranked = search("q=" + w + "%20" + other + "&size=5", null);
    long matches =
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.opportunities where status = 'active'"
                        + " and visibility = 'public' and not confidential"
                        + " and search @@ websearch_to_tsquery('simple', ?)",
                    w + " " + other))
            .longValue();
    assertEquals(21, matches);
    assertEquals(matches, ranked.getInt("total"));
    assertEquals(5, ranked.getJsonArray("items").size());
    assertEquals(titled, ids(ranked).get(0), "a title match (weight A) outranks a description");
    assertEquals(24, search("q=" + w + "&size=1", token(Role.MEMBER)).getInt("total"));
    assertEquals(21, search("q=" + w + "&size=1", null).getInt("total"));
  }

  @Test
  void aConfidentialListingNeverReachesAMemberEvenAfterAConfidentialAccountAsked()
      throws Exception {
    String w = word();
    long open = insert(1, w + " open", "request", "public", false, null).get(0);
    long flagged = insert(1, w + " flagged", "request", "public", true, null).get(0);
    long ladder = insert(1, w + " ladder", "request", "confidential", false, null).get(0);
    String confidential = token(Role.CONFIDENTIAL);
    String member = token(Role.MEMBER);
    for (String query : List.of("q=" + w, "q=" + w + "&sort=newest", "type=request&size=100")) {
      List<Long> forConfidential = ids(search(query, confidential));
      if (query.startsWith("q=")) {
        assertEquals(sorted(List.of(open, flagged, ladder)), sorted(forConfidential));
        assertEquals(3, search(query, confidential).getInt("total"));
      }
      for (String viewer : new String[] {member, null, token(Role.SUBSCRIBER)}) {
        JsonObject page = search(query, viewer);
        assertFalse(ids(page).contains(flagged), "the confidential flag: " + query);
        assertFalse(ids(page).contains(ladder), "confidential visibility: " + query);
        if (query.startsWith("q=")) {
          assertEquals(List.of(open), ids(page));
          assertEquals(1, page.getInt("total"));
        }
      }
    }
  }

  @Test
  void aMemberOnlyListingNeverReachesAnAnonymousVisitor() throws Exception {
    String w = word();
    long open = insert(1, w + " open", "request", "public", false, null).get(0);
    long subscribers = insert(1, w + " subscribers", "request", "subscriber", false, null).get(0);
    long members = insert(1, w + " members", "request", "member", false, null).get(0);
    assertEquals(
        sorted(List.of(open, subscribers, members)),
        sorted(ids(search("q=" + w, token(Role.MEMBER)))));
    // Asked first by a member, then by visitors twice (the second from the cache).
    for (int i = 0; i < 2; i++) {
      JsonObject anonymous = search("q=" + w, null);
      assertEquals(List.of(open), ids(anonymous));
      assertEquals(1, anonymous.getInt("total"));
    }
    assertEquals(
        sorted(List.of(open, subscribers)), sorted(ids(search("q=" + w, token(Role.SUBSCRIBER)))));
  }

  @Test
  void anUpdateACloseAndAnEntityBlockAreVisibleAtOnce() throws Exception {
    Api api = new Api(base);
    String w = word();
    String authorEmail = TestAccounts.create("search-poster", Role.MEMBER);
    String author = api.accessToken(authorEmail, TestAccounts.PASSWORD);
    long entity = TestAccounts.entity(TestAccounts.id(authorEmail), "public", false);
    HttpResponse<String> posted =
        api.post(
            "/api/opportunities",
            "{\"type\":\"offer\",\"title\":\""
                + w
                + " first title\",\"summary\":\"An offer to find again\","
                + "\"category\":\"technology\",\"entityId\":"
                + entity
                + ",\"submit\":true}",
            author);
    assertEquals(201, posted.statusCode(), posted.body());
    long id = Api.json(posted).getJsonNumber("id").longValue();
    assertEquals(List.of(), ids(search("q=" + w, null)), "pending is not on the board");
    assertEquals(
        200, api.post("/api/admin/opportunities/" + id + "/approve", "{}", admin()).statusCode());
    JsonObject found = search("q=" + w, null);
    assertEquals(List.of(id), ids(found), "approval shows at once");
    assertEquals(
        w + " first title", found.getJsonArray("items").getJsonObject(0).getString("title"));
    HttpResponse<String> edited =
        api.call(
            "PUT",
            "/api/opportunities/" + id,
            "{\"type\":\"offer\",\"title\":\""
                + w
                + " second title\",\"summary\":\"An offer to find again\","
                + "\"category\":\"technology\",\"entityId\":"
                + entity
                + "}",
            admin());
    assertEquals(200, edited.statusCode(), edited.body());
    assertEquals(
        w + " second title",
        search("q=" + w, null).getJsonArray("items").getJsonObject(0).getString("title"),
        "an update shows at once");
    assertEquals(
        204,
        api.post("/api/admin/entities/" + entity + "/block", "{\"reason\":\"test\"}", admin())
            .statusCode());
    assertEquals(List.of(), ids(search("q=" + w, null)), "a blocked entity's listing goes at once");
    assertEquals(
        204,
        api.call("DELETE", "/api/admin/entities/" + entity + "/block", null, admin()).statusCode());
    assertEquals(List.of(id), ids(search("q=" + w, null)));
    assertEquals(200, api.post("/api/opportunities/" + id + "/close", null, author).statusCode());
    JsonObject closed = search("q=" + w, null);
    assertEquals(List.of(), ids(closed), "a close shows at once");
    assertEquals(0, closed.getInt("total"));
  }

  @Test
  void aListingInTheListIsWrittenExactlyAsTheSingleReadWritesIt() throws Exception {
    Api api = new Api(base);
    String w = word();
    String email = TestAccounts.create("search-full", Role.MEMBER);
    String author = api.accessToken(email, TestAccounts.PASSWORD);
    long entity = TestAccounts.entity(TestAccounts.id(email), "public", false);
    HttpResponse<String> posted =
        api.post(
            "/api/opportunities",
            "{\"type\":\"offer\",\"title\":\""
                + w
                + " everything\",\"summary\":\"A listing with every field\",\"description\":"
                + "\"Long text\",\"category\":\"technology\",\"tags\":[\"a\",\"b\"],\"skills\":"
                + "[\"sql\"],\"location\":\"Kyiv\",\"latitude\":50.45,\"longitude\":30.52,"
                + "\"remote\":true,\"budgetMin\":100,\"budgetMax\":250.5,\"currency\":\"EUR\","
                + "\"expiresAt\":\"2099-01-02T03:04:05Z\",\"visibility\":\"subscriber\","
                + "\"contact\":\"me@example.org\",\"entityId\":"
                + entity
                + ",\"experienceLevel\":\"senior\",\"submit\":true}",
            author);
    assertEquals(201, posted.statusCode(), posted.body());
    long id = Api.json(posted).getJsonNumber("id").longValue();
    assertEquals(
        200, api.post("/api/admin/opportunities/" + id + "/approve", "{}", admin()).statusCode());
    String viewer = token(Role.MEMBER);
    JsonObject single = Api.json(api.get("/api/opportunities/" + id, viewer));
    JsonObject page = search("q=" + w, viewer);
    assertEquals(
        List.of("items", "page", "size", "total", "totalCapped"), List.copyOf(page.keySet()));
    JsonObject listed = page.getJsonArray("items").getJsonObject(0);
    assertEquals(List.copyOf(single.keySet()), List.copyOf(listed.keySet()), "same properties");
    assertEquals(single, listed, "same values");
    assertEquals(single.toString(), listed.toString());
  }
}
