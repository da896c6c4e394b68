package org.ringplatform.entity;

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
 * Entities in a real browser on a phone-sized window: a member creates one through the editor and
 * finds it in the directory and on its showcase; another member reports it; an admin blocks it from
 * the report queue; the reporter no longer finds it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EntityPagesBrowserIT {

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

  /** Picks the option labelled {@code label} in the PrimeFaces select menu {@code id}. */
  private void choose(String id, String label) {
    driver.findElement(By.cssSelector("main [id$='" + id + "_label']")).click();
    By item =
        By.cssSelector(
            "[id$='" + id + "_panel'] li.ui-selectonemenu-item[data-label='" + label + "']");
    wait.until(ExpectedConditions.elementToBeClickable(item)).click();
  }

  private void click(String idSuffix) {
    WebElement button = field(idSuffix);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  @Test
  void createReportBlockAndTheReporterNoLongerFindsIt() throws Exception {
    String owner = TestAccounts.create("owner", Role.MEMBER);
    String reporter = TestAccounts.create("reporter", Role.MEMBER);
    String admin = TestAccounts.create("moderator", Role.ADMIN);
    String name = "Robot Works " + UUID.randomUUID().toString().substring(0, 8);
    driver = Browser.open(375, 812);
    wait = Browser.await(driver, 30);

    // A member creates an entity through the editor.
    signIn(owner);
    driver.get(url("/entities"));
    driver.findElement(By.id("new-entity")).click();
    wait.until(ExpectedConditions.urlContains("/entity-edit"));
    field("name").sendKeys(name);
    choose("type", "Technology and software");
    field("shortDescription").sendKeys("We build small robots for schools.");
    field("fullDescription").sendKeys("Founded by teachers.\nSecond line.");
    field("location").sendKeys("Lviv");
    field("website").sendKeys("https://robots.example");
    field("contactEmail").sendKeys("hello@robots.example");
    field("tags_input").sendKeys("robots", Keys.ENTER);
    Browser.screenshot(driver, "entity-edit-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "the editor fits a phone");
    click("save");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entity-name")));
    assertTrue(driver.getCurrentUrl().contains("/entity?id="), driver.getCurrentUrl());
    assertEquals(name, driver.findElement(By.id("entity-name")).getText());
    assertEquals("Technology and software", driver.findElement(By.id("entity-type")).getText());
    assertTrue(driver.findElement(By.id("entity-tags")).getText().contains("robots"));
    assertEquals(
        "https://robots.example",
        driver.findElement(By.id("entity-website")).getAttribute("href").replaceAll("/$", ""));
    assertFalse(driver.findElements(By.id("edit-entity")).isEmpty(), "the owner may edit");
    assertTrue(
        driver.findElement(By.id("audit")).getText().contains("Created"),
        "the owner sees the entity's history");
    long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1").trim());
    assertEquals(
        TestAccounts.id(owner),
        ((Number) TestAccounts.query("select owner_id from ring.entities where id = ?", id))
            .longValue());
    Browser.screenshot(driver, "entity-showcase-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "the showcase fits a phone");

    // It is in the directory, and found by its name.
    driver.get(url("/entities"));
    field("search").sendKeys(name);
    click("searchButton");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"), name));
    assertFalse(Browser.overflowsHorizontally(driver), "the directory fits a phone");

    // Another member reports it.
    signIn(reporter);
    driver.get(url("/entities"));
    assertTrue(driver.getPageSource().contains(name), "a member sees the public entity");
    driver.get(url("/entity?id=" + id));
    assertTrue(driver.findElements(By.id("edit-entity")).isEmpty(), "no edit for others");
    assertTrue(driver.findElements(By.id("audit")).isEmpty(), "the history is not for others");
    choose("category", "Spam");
    field("reason").sendKeys("This organisation sends unsolicited advertising.");
    click("sendReport");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-messages-info")));
    assertEquals(
        1L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.entity_reports where entity_id = ? and status = 'open'",
                    id))
            .longValue());

    // An admin blocks it from the report queue.
    signIn(admin);
    driver.get(url("/admin/entity-reports"));
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//a[contains(@href, 'id=" + id + "')]]")));
    row.findElement(By.cssSelector("textarea[id$='blockReason']")).sendKeys("Spam, confirmed.");
    WebElement block = row.findElement(By.cssSelector("[id$='block']"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", block);
    block.click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-messages-info")));
    Browser.screenshot(driver, "entity-reports-after-block");
    assertEquals(
        "blocked",
        TestAccounts.query("select moderation_status from ring.entities where id = ?", id));
    assertEquals(
        0L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.entity_reports where entity_id = ? and status = 'open'",
                    id))
            .longValue());

    // The reporter no longer finds it.
    signIn(reporter);
    driver.get(url("/entities"));
    field("search").sendKeys(name);
    click("searchButton");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("main table"), "No organisations match."));
    driver.get(url("/entity?id=" + id));
    assertFalse(driver.findElements(By.id("missing")).isEmpty(), "the showcase says not found");
    assertTrue(driver.findElements(By.id("entity-name")).isEmpty());

    // The admin lifts the block from the showcase; the reporter sees it again.
    signIn(admin);
    driver.get(url("/entity?id=" + id));
    click("unblock");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-messages-info")));
    assertEquals(
        "active",
        TestAccounts.query("select moderation_status from ring.entities where id = ?", id));
    signIn(reporter);
    driver.get(url("/entity?id=" + id));
    assertFalse(driver.findElements(By.id("entity-name")).isEmpty(), "visible again");
  }

  @Test
  void anOwnerGetsVerifiedThroughThePagesAndTheBadgeShows() throws Exception {
    String ownerEmail = TestAccounts.create("verify-owner", Role.MEMBER);
    String admin = TestAccounts.create("verify-admin", Role.ADMIN);
    long entity = TestAccounts.entity(TestAccounts.id(ownerEmail), "public", false);
    java.nio.file.Path pdf = java.nio.file.Files.createTempFile("registration", ".pdf");
    java.nio.file.Files.writeString(pdf, "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 30);

    signIn(ownerEmail);
    driver.get(url("/entity?id=" + entity));
    click("verify-entity");
    wait.until(ExpectedConditions.urlContains("/entity-verification"));
    field("note").sendKeys("We are registered in Kyiv");
    click("request:submit");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("procedure-status")));
    String number = driver.findElement(By.cssSelector("#procedure h2")).getText();
    assertTrue(number.matches("VRF-\\d{4}-\\d+"), number);
    driver.findElement(By.cssSelector("input[type='file']")).sendKeys(pdf.toString());
    driver.findElement(By.id("send")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("documents"), pdf.getFileName().toString()));

    signIn(admin);
    driver.get(url("/admin/verification"));
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[.//span[text()='" + number + "']]")));
    row.findElement(By.cssSelector("[id$='approve']")).click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//tr[.//span[text()='" + number + "']]")));

    driver.get(url("/entity?id=" + entity));
    assertTrue(
        driver.findElement(By.id("entity-verified")).isDisplayed(), "the verified badge shows");
    assertEquals(
        "verified",
        TestAccounts.query("select verification_status from ring.entities where id = ?", entity));
  }
}
