package org.ringplatform.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
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
import org.ringplatform.testing.commerce.CommerceFixtures;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The wallet, membership and referral pages in a real browser: the balance in the page and the
 * header follows a grant live over the Tunnel; a subscriber buys membership with credits and the
 * page shows them a member; the referral dashboard lists a share link to copy and counts a visit;
 * an admin approves the pending reward the purchase earned the referrer; every page fits a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembersPagesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return CommerceFixtures.deployment();
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

  private void signIn(String email, String password) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    field("email").sendKeys(email);
    field("password").sendKeys(password);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private void click(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText().strip();
  }

  @Test
  void aSubscriberSeesCreditsLiveBuysMembershipAndSharesALink() throws Exception {
    Api api = new Api(base);
    String referrerEmail = TestAccounts.create("referrer", Role.MEMBER);
    long referrer = TestAccounts.id(referrerEmail);
    String email = TestAccounts.create("shopper", Role.SUBSCRIBER);
    long id = TestAccounts.id(email);
    TestAccounts.query(
        "update ring.users set referred_by = ? where id = ? returning id", referrer, id);
    CommerceFixtures.grant(api, id, 25_000);

    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 30);
    signIn(email, TestAccounts.PASSWORD);

    // The wallet: balance, history, and the header, live.
    driver.get(url("/wallet"));
    assertEquals("250.00 UAH", text("wallet-balance"));
    assertEquals("250.00 UAH", text("header-wallet-balance"));
    assertTrue(
        driver
            .findElement(By.cssSelector("[id$='movements'] tbody"))
            .getText()
            .contains("+250.00 UAH"));
    wait.until(
        d ->
            "open"
                .equals(
                    driver.executeScript("return window.RingTunnel && RingTunnel.status().state")));
    CommerceFixtures.grant(api, id, 1_000);
    wait.until(d -> "260.00 UAH".equals(text("header-wallet-balance")));
    assertEquals("260.00 UAH", text("wallet-balance"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("wallet-live")));
    click(driver.findElement(By.cssSelector("#wallet-live a")));
    wait.until(
        d ->
            d.findElements(By.cssSelector("[id$='movements'] tbody tr")).size() == 2
                && !d.findElement(By.id("wallet-live")).isDisplayed());
    // A top-up below the minimum is explained next to the field.
    field("amount").sendKeys("5");
    click(field("startTopup"));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-message-error")));
    Browser.screenshot(driver, "wallet");

    // Membership with credits: a member at once, the page says so, the header shows the rest.
    driver.get(url("/membership"));
    assertEquals("subscriber", field("membership-role").getAttribute("data-role"));
    click(driver.findElement(By.cssSelector("button.buy-monthly-credits")));
    wait.until(ExpectedConditions.attributeToBe(By.id("membership-role"), "data-role", "member"));
    assertFalse(driver.findElements(By.cssSelector("main .ui-messages-info")).isEmpty());
    assertEquals("160.00 UAH", text("header-wallet-balance"));
    assertEquals("member", TestAccounts.query("select role from ring.users where id = ?", id));
    assertTrue(
        driver
            .findElement(By.cssSelector("[id$='subscriptions'] tbody"))
            .getText()
            .contains("Active"));
    Browser.screenshot(driver, "membership");

    // The referral dashboard: a share link to copy; a visit through it is counted.
    driver.get(url("/referrals"));
    List<WebElement> links = driver.findElements(By.cssSelector(".ring-share-url"));
    assertEquals(1, links.size(), "no username: the random code only");
    String link = links.get(0).getAttribute("value");
    assertTrue(link.matches("http://ring\\.test/\\?ref=[2-9A-HJ-NP-Za-km-z]{8}"), link);
    click(driver.findElement(By.cssSelector(".ring-copy")));
    wait.until(ExpectedConditions.textToBe(By.cssSelector(".ring-copy"), "Copied"));
    assertEquals("0", text("visits-today"));
    RingDeployment.get(base, "/?" + link.substring(link.indexOf("ref=")));
    driver.navigate().refresh();
    assertEquals("1", text("visits-today"));
    assertEquals(28, driver.findElements(By.cssSelector("#visits-per-day rect")).size());
    Browser.screenshot(driver, "referrals");

    // Every page fits a phone.
    ChromeDriver desktop = driver;
    driver = Browser.open(390, 844);
    wait = Browser.await(driver, 30);
    try {
      signIn(email, TestAccounts.PASSWORD);
      for (String page : List.of("/wallet", "/membership", "/referrals")) {
        driver.get(url(page));
        Browser.screenshot(driver, page.substring(1) + "-phone");
        assertFalse(Browser.overflowsHorizontally(driver), page + " fits a phone");
      }
    } finally {
      driver.quit();
      driver = desktop;
      wait = Browser.await(driver, 30);
    }

    // The purchase earned the referrer a pending reward; an admin approves it.
    signIn("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    driver.get(url("/admin/referrals"));
    WebElement row =
        driver.findElements(By.cssSelector("[id$='queue'] tbody tr")).stream()
            .filter(r -> r.getText().contains("shopper"))
            .findFirst()
            .orElseThrow();
    assertTrue(row.getText().contains("5.00 UAH"), row.getText());
    Browser.screenshot(driver, "admin-referrals");
    click(row.findElement(By.cssSelector("[id$='approve']")));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .ui-messages-info")));
    assertEquals(
        "paid",
        TestAccounts.query(
            "select status from ring.referral_rewards where buyer_id = ? and source = 'membership'",
            id));
    assertEquals(500L, CommerceFixtures.balance("wallet:" + referrer));
  }
}
