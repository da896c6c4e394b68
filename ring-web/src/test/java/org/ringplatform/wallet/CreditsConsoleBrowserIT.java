package org.ringplatform.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The credits panel of an account's admin page in a real browser, on a phone-sized screen: an admin
 * grants credits with a reason and sees the balance and the movement; taking back more than the
 * balance is refused with a message and changes nothing; a reason is required; a member never gets
 * the panel.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CreditsConsoleBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private ChromeDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void signIn(WebDriverWait wait, String email) {
    driver.manage().deleteAllCookies();
    driver.get(RingDeployment.at(base, "/signin").toString());
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(TestAccounts.PASSWORD);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private static long wallet(long userId) throws Exception {
    Object v =
        TestAccounts.query(
            "select balance_minor from ring.ledger_balances where code = ?", "wallet:" + userId);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static long entries(String kind, long userId) throws Exception {
    return ((Number)
            TestAccounts.query(
                "select count(*) from ring.ledger_entries where kind = ?"
                    + " and idempotency_key like ?",
                kind,
                kind + ":" + userId + ":%"))
        .longValue();
  }

  private void submit(String amount, String reason, String button) {
    WebElement amountInput = driver.findElement(By.id("credits:amount"));
    amountInput.clear();
    amountInput.sendKeys(amount);
    WebElement reasonInput = driver.findElement(By.id("credits:reason"));
    reasonInput.clear();
    reasonInput.sendKeys(reason);
    driver.findElement(By.id("credits:" + button)).click();
  }

  /** Waits until the panel, re-rendered by Ajax, shows {@code text}. */
  private void awaitPanel(WebDriverWait wait, String text) {
    wait.until(d -> panel().contains(text));
  }

  private String panel() {
    return driver.findElement(By.id("credits")).getText();
  }

  @Test
  void anAdminGrantsAndTakesBackCreditsWithAReasonAndNeverBelowZero() throws Exception {
    String memberEmail = TestAccounts.create("credited-member", Role.MEMBER);
    long member = TestAccounts.id(memberEmail);
    String admin = TestAccounts.create("credits-admin", Role.ADMIN);
    long adminId = TestAccounts.id(admin);

    driver = Browser.open(390, 844);
    WebDriverWait wait = Browser.await(driver, 60);
    wait.ignoring(StaleElementReferenceException.class);
    signIn(wait, admin);
    driver.get(RingDeployment.at(base, "/admin/user?id=" + member).toString());
    assertTrue(driver.findElement(By.id("credit-balance")).getText().contains("0.00"));

    submit("25.50", "Volunteered at the spring fair", "grant");
    awaitPanel(wait, "Granted 25.50");
    awaitPanel(wait, "Volunteered at the spring fair");
    assertTrue(driver.findElement(By.id("credit-balance")).getText().contains("25.50"));
    assertEquals(2_550, wallet(member));
    assertEquals(1, entries("credit_grant", member));
    assertEquals(
        adminId,
        ((Number)
                TestAccounts.query(
                    "select actor_id from ring.ledger_entries where kind = 'credit_grant'"
                        + " and idempotency_key like ?",
                    "credit_grant:" + member + ":%"))
            .longValue(),
        "the admin is recorded");
    assertFalse(Browser.overflowsHorizontally(driver), "the panel fits a phone");
    Browser.screenshot(driver, "admin-user-credits-phone");

    // More than the balance: refused with a message, nothing posted.
    submit("100", "Duplicate grant", "takeBack");
    awaitPanel(wait, "The balance is too low to take back that much");
    assertTrue(driver.findElement(By.id("credit-balance")).getText().contains("25.50"));
    assertEquals(2_550, wallet(member));
    assertEquals(0, entries("credit_penalty", member));

    // A reason is required.
    driver.findElement(By.id("credits:amount")).clear();
    driver.findElement(By.id("credits:amount")).sendKeys("1");
    driver.findElement(By.id("credits:reason")).clear();
    driver.findElement(By.id("credits:takeBack")).click();
    awaitPanel(wait, "Give a reason.");
    assertEquals(0, entries("credit_penalty", member));

    submit("5", "Part of the grant was a mistake", "takeBack");
    awaitPanel(wait, "Took back 5.00");
    assertTrue(driver.findElement(By.id("credit-balance")).getText().contains("20.50"));
    assertEquals(2_050, wallet(member));
    assertEquals(1, entries("credit_penalty", member));

    // A member never gets the panel.
    signIn(wait, memberEmail);
    driver.get(RingDeployment.at(base, "/admin/user?id=" + member).toString());
    assertTrue(driver.findElements(By.id("credits:grant")).isEmpty(), driver.getPageSource());
    assertEquals(2_050, wallet(member));
  }
}
