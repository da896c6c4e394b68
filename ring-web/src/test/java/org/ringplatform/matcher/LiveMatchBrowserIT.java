package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The end-to-end story in real browsers: a member posts a listing, it waits in the admin
 * queue, an admin approves it; a guest's open board shows it without a reload; the matcher scores
 * it against the demo members, and a demo member whose profile fits gets the notification live (the
 * header badge changes while the inbox is open) and in the inbox; the author sees who matched and
 * why. The matched member is told exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveMatchBrowserIT {

  /** A demo member (DefaultDemoData): Java, PostgreSQL, Docker, REST; Kyiv; mid-level. */
  private static final String DEMO_MEMBER = "olena@ring.local";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private ChromeDriver member;
  private ChromeDriver guest;

  @AfterEach
  void close() {
    for (ChromeDriver d : new ChromeDriver[] {member, guest}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  private String url(String path) {
    return RingDeployment.at(base, path).toString();
  }

  private void signIn(ChromeDriver driver, WebDriverWait wait, String email, String pw) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(pw);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private static void awaitTunnel(ChromeDriver driver, WebDriverWait wait) {
    wait.until(
        d ->
            "open"
                .equals(
                    driver.executeScript("return window.RingTunnel && RingTunnel.status().state")));
  }

  private static String badge(ChromeDriver driver) {
    WebElement badge = driver.findElement(By.id("unread-badge"));
    return badge.getAttribute("class").contains("ring-hidden") ? "0" : badge.getText().strip();
  }

  @Test
  void anApprovedListingReachesTheBoardAndItsMatchedMemberLive() throws Exception {
    Api api = new Api(base);
    String authorEmail = TestAccounts.create("poster", Role.MEMBER);
    String author = api.accessToken(authorEmail, TestAccounts.PASSWORD);
    String admin =
        api.accessToken(TestAccounts.create("moderator", Role.ADMIN), TestAccounts.PASSWORD);
    long olena = TestAccounts.id(DEMO_MEMBER);
    String title = "Dockerised Java service for a Kyiv co-op " + System.nanoTime();

    // The demo member has the inbox open; a guest has the board open.
    member = Browser.open(1280, 900);
    WebDriverWait memberWait = Browser.await(member, 60);
    signIn(member, memberWait, DEMO_MEMBER, TestAccounts.DEMO_PASSWORD);
    member.get(url("/notifications"));
    awaitTunnel(member, memberWait);
    String before = badge(member);

    guest = Browser.open(390, 844);
    WebDriverWait guestWait = Browser.await(guest, 60);
    guest.get(url("/opportunities"));
    awaitTunnel(guest, guestWait);
    assertTrue(!guest.getPageSource().contains(title));

    // The member posts and submits; the listing waits for moderation.
    HttpResponse<String> created =
        api.post(
            "/api/opportunities",
            "{\"type\":\"request\",\"title\":\""
                + title
                + "\",\"summary\":\"A small REST service in Java with PostgreSQL, shipped in"
                + " Docker.\",\"category\":\"technology\",\"tags\":[\"iot\"],"
                + "\"skills\":[\"java\",\"postgresql\",\"docker\",\"rest\"],\"location\":\"Kyiv\","
                + "\"latitude\":50.45,\"longitude\":30.52,\"experienceLevel\":\"mid\"}",
            author);
    assertEquals(201, created.statusCode(), created.body());
    long id = Api.json(created).getJsonNumber("id").longValue();
    assertEquals(200, api.post("/api/opportunities/" + id + "/submit", null, author).statusCode());
    HttpResponse<String> queue = api.get("/api/admin/opportunities/pending?size=100", admin);
    assertTrue(queue.body().contains(title), "the listing is in the admin queue");

    // The admin approves: the guest's board shows it live, the member's badge changes live.
    HttpResponse<String> approved =
        api.post("/api/admin/opportunities/" + id + "/approve", "{}", admin);
    assertEquals(200, approved.statusCode(), approved.body());
    guestWait.until(d -> guest.getPageSource().contains(title));
    assertTrue(
        guest.findElement(By.id("board-live")).isDisplayed(), "the board says it was updated live");
    Browser.screenshot(guest, "board-live-update-phone");

    memberWait.until(d -> !before.equals(badge(member)));
    WebElement live = member.findElement(By.id("inbox-live"));
    memberWait.until(ExpectedConditions.visibilityOf(live));
    live.findElement(By.cssSelector("a")).click();
    memberWait.until(d -> member.getPageSource().contains(title));
    Browser.screenshot(member, "inbox-match-live");
    assertTrue(
        !member
            .findElements(By.cssSelector("a.ring-notice-text[href$='/opportunity?id=" + id + "']"))
            .isEmpty(),
        "the notification links to the listing");

    // Told once, with the score and its breakdown stored for the author and admins.
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.notifications where user_id = ?"
                        + " and type = 'opportunity_matched_ai' and dedupe_key = ?",
                    olena,
                    "opportunity:" + id))
            .longValue());
    Number score =
        (Number)
            TestAccounts.query(
                "select score from ring.opportunity_matches where opportunity_id = ? and user_id = ?",
                id,
                olena);
    assertTrue(score.intValue() >= 70, "a strong match: " + score);

    // The author sees who matched and why on the listing page.
    signIn(guest, guestWait, authorEmail, TestAccounts.PASSWORD);
    guest.get(url("/opportunity?id=" + id));
    WebElement matches =
        guestWait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id$='opportunity-matches']")));
    assertTrue(matches.getText().contains("Olena Developer"), matches.getText());
  }

  @Test
  void theJobsConsoleStartsARunAndShowsItsProgressAndMatchesPerDay() throws Exception {
    String admin = TestAccounts.create("operator", Role.ADMIN);
    member = Browser.open(390, 844);
    WebDriverWait wait = Browser.await(member, 90);
    signIn(member, wait, admin, TestAccounts.PASSWORD);
    member.get(url("/admin/jobs"));
    long before =
        ((Number)
                TestAccounts.query("select count(*) from ring.batch_runs where trigger = 'manual'"))
            .longValue();
    // Counted apart: an earlier test's stopped or failed manual run never counts as completed.
    long completedBefore =
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.batch_runs where trigger = 'manual'"
                        + " and status = 'completed'"))
            .longValue();
    // One run of a job at a time: let a scheduled run finish first.
    wait.until(
        d ->
            ((Number)
                        uncheckedQuery(
                            "select count(*) from ring.batch_runs"
                                + " where status in ('starting', 'running')"))
                    .longValue()
                == 0);
    // A scheduled run may slip in between the check and the click (one run at a time): the page
    // then refuses the start with a message, and the operator simply presses the button again.
    long manual = 0;
    for (int attempt = 0; attempt < 10 && manual <= before; attempt++) {
      WebElement start = member.findElement(By.cssSelector("[id$='startMatcher']"));
      member.executeScript("arguments[0].scrollIntoView({block: 'center'});", start);
      start.click();
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        manual =
            ((Number)
                    TestAccounts.query(
                        "select count(*) from ring.batch_runs where trigger = 'manual'"))
                .longValue();
        if (manual > before) {
          break;
        }
        Thread.sleep(250);
      }
    }
    assertTrue(manual > before, "the console started a manual run");
    // The page polls the ledger: the new manual run ends completed, at 100 %.
    Browser.await(member, 180)
        .until(
            d ->
                ((Number)
                            uncheckedQuery(
                                "select count(*) from ring.batch_runs where trigger = 'manual'"
                                    + " and status = 'completed'"))
                        .longValue()
                    > completedBefore);
    wait.until(
        d -> {
          String table = member.findElement(By.cssSelector("[id$='runTable']")).getText();
          return table.contains("manual") && table.contains("completed") && table.contains("100%");
        });
    assertTrue(
        !member.findElements(By.cssSelector("#matchesPerDay rect")).isEmpty(),
        "a bar for today's matches");
    Browser.screenshot(member, "admin-jobs-phone");
    assertTrue(!Browser.overflowsHorizontally(member), "the console fits a phone");
  }

  private static Object uncheckedQuery(String sql) {
    try {
      return TestAccounts.query(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
