package org.ringplatform.store.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ringplatform.store.order.OrderFixtures.assertLevel;
import static org.ringplatform.store.order.OrderFixtures.number;

import java.net.URL;
import java.time.Duration;
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
import org.ringplatform.testing.gateway.GatewayStandIns;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The store in a phone-sized browser: a visitor puts a product in the cart (the header badge counts
 * it), signs in at checkout and finds the cart waiting, sees the server's prices and shipping, pays
 * with credits and lands on the confirmation; the vendor finds the order among their store's orders
 * and starts preparing it; the buyer follows it on the order's page with its history. Card
 * payments, not available yet, are explained and store nothing. Every page fits the phone's width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorePagesBrowserIT {

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

  private void signIn(String email) {
    driver.manage().deleteCookieNamed("JSESSIONID");
    driver.get(url("/signin"));
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(TestAccounts.PASSWORD);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private void click(WebElement button) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  /** What a product page's "Add to cart" does, from the page, with the browser's own cookies. */
  private long addToCart(long productId, int quantity) {
    Object status =
        driver.executeScript(
            "return fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({productId: arguments[1], quantity: arguments[2]})})"
                + ".then(r => r.status);",
            url("/api/store/cart/items"),
            productId,
            quantity);
    return ((Number) status).longValue();
  }

  private void fitsThePhone(String page) throws Exception {
    Browser.screenshot(driver, "store-" + page + "-phone");
    assertFalse(Browser.overflowsHorizontally(driver), page + " fits a phone");
  }

  @Test
  void aVisitorFillsACartSignsInPaysWithCreditsAndTheVendorPreparesTheOrder() throws Exception {
    String sellerEmail = TestAccounts.create("browser-seller", Role.MEMBER);
    long vendor = OrderFixtures.vendor(TestAccounts.id(sellerEmail), "starter");
    long kettle = OrderFixtures.stocked(vendor, "Copper kettle", 25000, 5);
    String buyerEmail = TestAccounts.create("browser-buyer", Role.SUBSCRIBER);
    long buyerId = TestAccounts.id(buyerEmail);
    OrderFixtures.fundWallet(buyerId, "UAH", 100_000);
    driver = Browser.open(375, 812);
    wait = Browser.await(driver, 30);

    // A visitor: an empty cart, then the product is added and the header counts it.
    driver.get(url("/cart"));
    assertTrue(driver.findElement(By.id("cart-empty")).isDisplayed());
    assertFalse(driver.findElement(By.id("cart-badge")).isDisplayed(), "no badge for nothing");
    assertEquals(200, addToCart(kettle, 2));
    driver.get(url("/cart"));
    WebElement line = driver.findElement(By.cssSelector(".ring-cart-line"));
    assertTrue(line.getText().contains("Copper kettle"), line.getText());
    assertTrue(line.getText().contains("500.00 UAH"), line.getText());
    assertEquals("2", driver.findElement(By.id("cart-badge")).getText());
    fitsThePhone("cart");

    // Checkout asks for a sign-in; the visitor's cart follows into the account.
    click(driver.findElement(By.id("to-checkout")));
    wait.until(ExpectedConditions.urlContains("/signin"));
    signIn(buyerEmail);
    driver.get(url("/checkout"));
    WebElement amount =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-amount")));
    // 2 × 250.00 + 50.00 flat shipping (under the free-shipping threshold).
    assertEquals("550.00 UAH", amount.getText());
    assertTrue(
        driver.findElement(By.cssSelector(".ring-vendor-shipping")).getText().contains("50.00"));
    driver.findElement(By.id("checkout:name")).sendKeys("Olena Buyer");
    driver.findElement(By.id("checkout:phone")).sendKeys("+380 44 555 0000");
    driver.findElement(By.id("checkout:address")).sendKeys("Khreshchatyk 22");
    driver.findElement(By.id("checkout:city")).sendKeys("Kyiv");
    driver.findElement(By.id("checkout:postalCode")).sendKeys("01001");
    fitsThePhone("checkout");
    click(driver.findElement(By.id("checkout:place")));
    WebElement confirmation =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirmation")));
    assertTrue(driver.getCurrentUrl().contains("/orders?checkout="), driver.getCurrentUrl());
    assertTrue(confirmation.getText().contains("Paid"), confirmation.getText());
    assertEquals("0", driver.findElement(By.id("cart-badge")).getAttribute("data-count"));
    fitsThePhone("orders");
    long orderId =
        number("select id from ring.orders where buyer_id = ? order by id desc limit 1", buyerId);
    assertLevel(kettle, null, 3, 0, 3);
    assertEquals(100_000 - 55_000, OrderFixtures.balance("wallet:" + buyerId, "UAH"));

    // The vendor sees it among their store's orders and starts preparing it.
    signIn(sellerEmail);
    driver.get(url("/vendor/orders"));
    WebElement card =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vendor-order-" + orderId)));
    assertTrue(card.getText().contains("Paid"), card.getText());
    fitsThePhone("vendor-orders");
    click(card.findElement(By.cssSelector(".ring-move-fulfilling")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("vendor-order-" + orderId), "Being prepared"));
    assertEquals(
        "fulfilling", TestAccounts.query("select status from ring.orders where id = ?", orderId));

    // The buyer follows it on its page, with the history and what they may do now.
    signIn(buyerEmail);
    driver.get(url("/order?id=" + orderId));
    assertEquals(
        "Being prepared",
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-status"))).getText());
    String history = driver.findElement(By.id("order-history")).getText();
    assertTrue(history.contains("Awaiting payment"), history);
    assertTrue(history.contains("Paid"), history);
    assertTrue(history.contains("seller"), history);
    assertFalse(
        driver.findElements(By.cssSelector(".ring-move-refund_requested")).isEmpty(),
        "the buyer may ask for a refund");
    assertTrue(driver.findElements(By.cssSelector(".ring-move-shipped")).isEmpty());
    fitsThePhone("order");

    // Someone else's order is not found.
    signIn(TestAccounts.create("browser-stranger", Role.SUBSCRIBER));
    driver.get(url("/order?id=" + orderId));
    assertTrue(driver.findElement(By.id("missing")).isDisplayed());
  }

  @Test
  void aCardCheckoutGoesToTheGatewayAndTheOrderIsPaidWhenItCallsBack() throws Exception {
    GatewayStandIns.pointAt(base);
    String sellerEmail = TestAccounts.create("card-seller", Role.MEMBER);
    long vendor = OrderFixtures.vendor(TestAccounts.id(sellerEmail), "starter");
    long ebook = OrderFixtures.product(vendor, "Field guide", "digital", 12000, "UAH", null);
    String buyerEmail = TestAccounts.create("card-buyer", Role.SUBSCRIBER);
    long buyerId = TestAccounts.id(buyerEmail);
    driver = Browser.open(375, 812);
    wait = Browser.await(driver, 30);
    signIn(buyerEmail);
    driver.get(url("/cart"));
    assertEquals(200, addToCart(ebook, 1));
    driver.get(url("/checkout"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("checkout-amount")));
    assertTrue(driver.findElements(By.id("checkout:name")).isEmpty(), "nothing to ship");
    fitsThePhone("checkout-card");
    // The card option (the radio input itself is visually hidden behind PrimeFaces' box).
    driver.executeScript("document.getElementById('checkout:rail:1').click();");
    assertEquals(
        Boolean.TRUE,
        driver.executeScript("return document.getElementById('checkout:rail:1').checked;"));
    click(driver.findElement(By.id("checkout:place")));
    // /pay posts the signed form to the gateway (the WayForPay stand-in), whose page says "Pay".
    WebElement pay = wait.until(ExpectedConditions.elementToBeClickable(By.id("pay")));
    assertEquals(1L, number("select count(*) from ring.checkouts where buyer_id = ?", buyerId));
    pay.click();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (number(
                "select count(*) from ring.orders where buyer_id = ? and status = 'paid'", buyerId)
            == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(
        1L,
        number("select count(*) from ring.orders where buyer_id = ? and status = 'paid'", buyerId),
        "the verified callback marked the order paid");
  }
}
