package org.ringplatform.payment;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringplatform.identity.Role;
import org.ringplatform.testing.gateway.GatewayStandIns;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * A credits top-up in a real browser: {@code /pay} posts the signed form to the WayForPay
 * stand-in's page, "Pay" there sends the callback and returns the browser to {@code
 * /payment-result}, which shows the payment paid; the credits are in the wallet. Someone else's
 * payment does not exist for them. An admin finds the payment in the console with its history and
 * webhook delivery and reconciles it. The result page fits a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PaymentPagesBrowserIT {

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

  private void signIn(String email, String password) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(password);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  @Test
  void aTopUpThroughTheWayForPayPageEndsPaidOnTheResultPage() throws Exception {
    GatewayStandIns.pointAt(base);
    PaymentTesting t = new PaymentTesting(base);
    String email = TestAccounts.create("browser-payer", Role.SUBSCRIBER);
    long id = TestAccounts.id(email);
    String token = t.api().accessToken(email, TestAccounts.PASSWORD);
    String ref = t.topUp(token, 25_000, "wayforpay").getString("reference");

    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 30);
    signIn(email, TestAccounts.PASSWORD);
    driver.get(url("/pay?ref=" + ref));
    // The page posts itself to the gateway: the stand-in shows the order it verified.
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pay")));
    assertTrue(driver.getCurrentUrl().startsWith(GatewayStandIns.wayForPay().url()));
    assertEquals(ref, driver.findElement(By.id("order")).getText());
    assertEquals("250 UAH", driver.findElement(By.id("total")).getText());
    Browser.screenshot(driver, "payment-wayforpay-stand-in");
    driver.findElement(By.id("pay")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-status")));
    wait.until(ExpectedConditions.attributeToBe(By.id("payment-status"), "data-status", "paid"));
    assertTrue(
        driver.getCurrentUrl().contains("/payment-result?ref=" + ref), driver.getCurrentUrl());
    assertEquals(ref, driver.findElement(By.id("payment-reference")).getText());
    assertEquals("250.00 UAH", driver.findElement(By.id("payment-amount")).getText());
    Browser.screenshot(driver, "payment-result-paid");
    assertEquals(25_000, PaymentTesting.wallet(id));
    assertEquals("paid", PaymentTesting.status(ref));

    // Opening /pay again for a settled payment shows its result.
    driver.get(url("/pay?ref=" + ref));
    wait.until(ExpectedConditions.urlContains("/payment-result"));

    // Someone else's payment does not exist for them.
    String other = TestAccounts.create("browser-other", Role.SUBSCRIBER);
    signIn(other, TestAccounts.PASSWORD);
    driver.get(url("/pay?ref=" + ref));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-missing")));
    driver.get(url("/payment-result?ref=" + ref));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-missing")));

    // The console lists it; its page shows the history and the accepted callback.
    signIn("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    driver.get(url("/admin/payments"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payments:paymentTable")));
    driver.findElement(By.id("payments:reference")).sendKeys(ref);
    driver.findElement(By.id("payments:apply")).click();
    // The filtered table replaces the old one: wait until it lists this payment alone.
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("[id='payments:paymentTable'] tbody tr"), 1));
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText(ref)));
    driver.findElement(By.linkText(ref)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment:historyTable")));
    String page = driver.findElement(By.id("admin-payment")).getText();
    assertTrue(page.contains("Paid"), page);
    assertTrue(page.contains("Accepted"), "the webhook delivery is listed: " + page);
    driver.findElement(By.id("payment:reconcile")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#payment\\:messages .ui-messages-info")));
    Browser.screenshot(driver, "admin-payment");
  }

  @Test
  void theResultPageFitsAPhone() throws Exception {
    GatewayStandIns.pointAt(base);
    PaymentTesting t = new PaymentTesting(base);
    String email = TestAccounts.create("phone-payer", Role.SUBSCRIBER);
    String token = t.api().accessToken(email, TestAccounts.PASSWORD);
    String ref = t.topUp(token, 1_000, "stripe").getString("reference");
    driver = Browser.open(375, 812);
    wait = Browser.await(driver, 30);
    signIn(email, TestAccounts.PASSWORD);
    driver.get(url("/payment-result?ref=" + ref));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-status")));
    assertEquals(
        "created", driver.findElement(By.id("payment-status")).getAttribute("data-status"));
    assertEquals(
        1, driver.findElements(By.id("result:waiting")).size(), "an open payment says it waits");
    Browser.screenshot(driver, "payment-result-phone");
    assertFalse(Browser.overflowsHorizontally(driver), "the result page fits a phone");
  }
}
