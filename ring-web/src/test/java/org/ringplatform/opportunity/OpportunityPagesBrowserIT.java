package org.ringplatform.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * Opportunities in a real browser: a member posts a listing for their organisation through the
 * editor and submits it; nobody else sees it until an admin approves it in the moderation queue;
 * another member finds it on the board and applies; the owner accepts and sees it active with one
 * applicant among their own listings. Bad input stores nothing, and the confidential rooms admit
 * confidential accounts only. The editor and "my opportunities" fit a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpportunityPagesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private ChromeDriver driver;
  private WebDriverWait wait;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private String url(String path) {
    return RingDeployment.at(base, path).toString();
  }

  private WebElement field(String idSuffix) {
    return driver.findElement(By.cssSelector("main [id$='" + idSuffix + "']"));
  }

  /** An input of the editor's form by its field name. */
  private WebElement input(String name) {
    return driver.findElement(By.id("opportunityForm:" + name));
  }

  private void signIn(String email) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    field("email").sendKeys(email);
    field("password").sendKeys(TestAccounts.PASSWORD);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  /**
   * Picks the option labelled {@code label} in the PrimeFaces select menu {@code id}. A click that
   * lands while the panel is still fading in is lost, so it is repeated until the menu shows the
   * choice; then the panel is waited away so it covers no other field.
   */
  private void choose(String id, String label) {
    By menu = By.id("opportunityForm:" + id + "_label");
    By panel = By.id("opportunityForm:" + id + "_panel");
    By item =
        By.cssSelector(
            "[id='opportunityForm:"
                + id
                + "_panel'] li.ui-selectonemenu-item[data-label='"
                + label
                + "']");
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", driver.findElement(menu));
    for (int attempt = 0; ; attempt++) {
      if (!driver.findElement(panel).isDisplayed()) {
        driver.findElement(menu).click();
      }
      wait.until(ExpectedConditions.elementToBeClickable(item)).click();
      try {
        Browser.await(driver, 3).until(ExpectedConditions.textToBe(menu, label));
        break;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(panel));
  }

  private void click(WebElement button) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  private void fillBasics(String type, String title) {
    choose("type", type);
    choose("category", "Technology");
    input("title").sendKeys(title);
    input("summary").sendKeys("We need a hand with a small Java service.");
  }

  /** Searches the board for {@code title} and waits for the results to show. */
  private void searchBoard(String title) throws Exception {
    driver.get(url("/opportunities"));
    driver.findElement(By.id("board:q")).sendKeys(title);
    WebElement before = driver.findElement(By.id("board:results"));
    click(driver.findElement(By.id("board:searchButton")));
    wait.until(ExpectedConditions.stalenessOf(before));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("board:results")));
    Browser.screenshot(driver, "opportunity-board-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "the board fits a phone");
  }

  private static long count(String sql, Object... params) throws Exception {
    return ((Number) TestAccounts.query(sql, params)).longValue();
  }

  private static long idIn(String url) {
    return Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1").trim());
  }

  @Test
  void postModerateApplyAcceptAndSeeItAmongMyOpportunities() throws Exception {
    String owner = TestAccounts.create("poster", Role.MEMBER);
    String applicant = TestAccounts.create("applicant", Role.MEMBER);
    String admin = TestAccounts.create("moderator", Role.ADMIN);
    long entity = TestAccounts.entity(TestAccounts.id(owner), "public", false);
    String entityName =
        (String) TestAccounts.query("select name from ring.entities where id = ?", entity);
    String title = "Robot arm " + UUID.randomUUID().toString().substring(0, 8);
    driver = Browser.open(375, 812);
    wait = Browser.await(driver, 30);

    // The owner posts an offer for their organisation from the board and submits it.
    signIn(owner);
    driver.get(url("/opportunities"));
    click(driver.findElement(By.id("new-opportunity")));
    wait.until(ExpectedConditions.urlContains("/opportunity-edit"));
    fillBasics("Offer", title);
    input("description").sendKeys("Calibrating a robot arm.\nSecond line.");
    input("tags_input").sendKeys("robots", Keys.ENTER);
    input("skills_input").sendKeys("Java", Keys.ENTER);
    input("location").sendKeys("Lviv");
    input("budgetMin").sendKeys("100");
    input("budgetMax").sendKeys("500");
    input("currency").sendKeys("USD");
    choose("entityId", entityName);
    Browser.screenshot(driver, "opportunity-edit-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "the editor fits a phone");
    click(input("submitReview"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opportunity-title")));
    assertTrue(driver.getCurrentUrl().contains("/opportunity?id="), driver.getCurrentUrl());
    long id = idIn(driver.getCurrentUrl());
    assertEquals(title, driver.findElement(By.id("opportunity-title")).getText());
    assertEquals("Awaiting moderation", driver.findElement(By.id("opportunity-status")).getText());
    assertEquals(
        "pending", TestAccounts.query("select status from ring.opportunities where id = ?", id));
    assertEquals(
        entity,
        ((Number) TestAccounts.query("select entity_id from ring.opportunities where id = ?", id))
            .longValue());
    assertEquals(
        TestAccounts.id(owner),
        ((Number) TestAccounts.query("select author_id from ring.opportunities where id = ?", id))
            .longValue());

    // Another member does not find it yet.
    signIn(applicant);
    searchBoard(title);
    assertFalse(driver.findElements(By.id("no-results")).isEmpty(), "not on the board yet");
    driver.get(url("/opportunity?id=" + id));
    assertFalse(driver.findElements(By.id("missing")).isEmpty(), "a pending listing is not found");

    // An admin approves it in the moderation queue, reached from the console's menu.
    signIn(admin);
    driver.get(url("/admin/"));
    click(driver.findElement(By.id("admin-nav-opportunities")));
    By row = By.xpath("//tr[.//a[substring-after(@href, '?id=') = '" + id + "']]");
    WebElement pending = wait.until(ExpectedConditions.presenceOfElementLocated(row));
    assertTrue(pending.getText().contains("poster"), "the author is named: " + pending.getText());
    assertTrue(pending.getText().contains("Offer"), pending.getText());
    click(pending.findElement(By.cssSelector("[id$='approve']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    assertEquals(
        "active", TestAccounts.query("select status from ring.opportunities where id = ?", id));

    // Now the other member finds it on the board and applies.
    signIn(applicant);
    searchBoard(title);
    WebElement link = wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(title)));
    click(link);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opportunity-title")));
    driver
        .findElement(By.cssSelector("textarea[id$='message']"))
        .sendKeys("I have calibrated three of these.");
    click(driver.findElement(By.cssSelector("[id$='applyButton']")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("listing:my-application")));
    assertEquals(
        1L,
        count("select count(*) from ring.opportunity_applications where opportunity_id = ?", id));

    // The owner sees the applicant on the listing and accepts.
    signIn(owner);
    driver.get(url("/opportunity?id=" + id));
    WebElement applicantName =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ring-applicant-name")));
    assertEquals("applicant", applicantName.getText());
    click(driver.findElement(By.cssSelector(".ring-accept")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-messages-info")));
    assertEquals(
        "accepted",
        TestAccounts.query(
            "select status from ring.opportunity_applications where opportunity_id = ?", id));

    // Among the owner's own listings it is active with one applicant.
    driver.get(url("/my/opportunities?status=active"));
    WebElement mine =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("listing-" + id)));
    assertTrue(mine.getText().contains("Active"), mine.getText());
    assertTrue(mine.getText().contains("Applicants: 1"), mine.getText());
    assertEquals("page", driver.findElement(By.id("group-active")).getAttribute("aria-current"));
    Browser.screenshot(driver, "my-opportunities-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "my opportunities fit a phone");
    driver.get(url("/my/opportunities?status=draft"));
    assertTrue(driver.findElements(By.id("listing-" + id)).isEmpty(), "not among the drafts");
  }

  @Test
  void aBudgetWhoseLowerEndIsAboveTheUpperOneIsExplainedAndNothingIsStored() throws Exception {
    String owner = TestAccounts.create("careless", Role.MEMBER);
    String title = "Backwards budget " + UUID.randomUUID().toString().substring(0, 8);
    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 30);

    signIn(owner);
    driver.get(url("/opportunity-edit"));
    fillBasics("Request", title);
    input("budgetMin").sendKeys("500");
    input("budgetMax").sendKeys("100");
    input("currency").sendKeys("USD");
    click(input("saveDraft"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("opportunityForm"), "The lowest budget is above the highest."));
    assertTrue(driver.getCurrentUrl().contains("/opportunity-edit"), driver.getCurrentUrl());
    assertEquals(
        title, input("title").getAttribute("value"), "what was typed is kept for correction");
    assertEquals(0L, count("select count(*) from ring.opportunities where title = ?", title));
  }

  @Test
  void theConfidentialRoomsShowConfidentialListingsToConfidentialAccountsOnly() throws Exception {
    String insider = TestAccounts.create("insider", Role.CONFIDENTIAL);
    String member = TestAccounts.create("outsider", Role.MEMBER);
    long listing =
        TestAccounts.opportunity(TestAccounts.id(insider), "request", "active", "public", true);
    String title =
        (String) TestAccounts.query("select title from ring.opportunities where id = ?", listing);
    long entity = TestAccounts.entity(TestAccounts.id(insider), "public", true);
    String entityName =
        (String) TestAccounts.query("select name from ring.entities where id = ?", entity);
    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 30);

    signIn(insider);
    driver.get(url("/confidential/"));
    WebElement rooms =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.id("confidential-opportunities")));
    assertTrue(rooms.getText().contains(title), rooms.getText());
    assertTrue(
        driver.findElement(By.id("confidential-entities")).getText().contains(entityName),
        "the confidential organisation is listed");

    signIn(member);
    driver.get(url("/confidential/"));
    assertFalse(driver.findElements(By.id("error-403")).isEmpty(), "a member is refused");
    assertFalse(driver.getPageSource().contains(title), "nothing of the room leaks");
  }
}
