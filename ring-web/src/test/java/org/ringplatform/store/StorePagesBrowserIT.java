package org.ringplatform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The store in a real browser: a member opens a store for their organisation on a phone; an admin
 * approves it in the console; the member adds a product with a photo and stock and submits it; the
 * admin approves the product; and a visitor finds it in the catalogue and opens its page, all of
 * which fit a phone's width.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StorePagesBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private ChromeDriver phone;
  private ChromeDriver desk;

  @AfterEach
  void close() {
    if (phone != null) {
      phone.quit();
    }
    if (desk != null) {
      desk.quit();
    }
  }

  private String url(String path) {
    return RingDeployment.at(base, path).toString();
  }

  /** A wait that outlasts page loads: an element seen just before a reload is looked up again. */
  private static WebDriverWait waitOn(ChromeDriver driver) {
    WebDriverWait wait = Browser.await(driver, 30);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private void signIn(ChromeDriver driver, String email, String password) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(password);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    waitOn(driver).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  private static void click(ChromeDriver driver, WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  /**
   * Picks the option labelled {@code label} in the PrimeFaces select menu {@code id} (a full client
   * id); a click that lands while the panel fades in is lost, so it is repeated.
   */
  private static void choose(ChromeDriver driver, String id, String label) {
    By menu = By.id(id + "_label");
    By panel = By.id(id + "_panel");
    By item =
        By.cssSelector(
            "[id='" + id + "_panel'] li.ui-selectonemenu-item[data-label='" + label + "']");
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center'});", driver.findElement(menu));
    for (int attempt = 0; ; attempt++) {
      if (!driver.findElement(panel).isDisplayed()) {
        driver.findElement(menu).click();
      }
      waitOn(driver).until(ExpectedConditions.elementToBeClickable(item)).click();
      try {
        Browser.await(driver, 3).until(ExpectedConditions.textToBe(menu, label));
        break;
      } catch (org.openqa.selenium.TimeoutException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
    waitOn(driver).until(ExpectedConditions.invisibilityOfElementLocated(panel));
  }

  private static void fitsThePhone(ChromeDriver driver, String name) throws Exception {
    Browser.screenshot(driver, name);
    assertFalse(Browser.overflowsHorizontally(driver), name + " fits a phone");
  }

  /** Clicks the button {@code buttonIdSuffix} in the table row that shows {@code text}. */
  private static void clickInRow(ChromeDriver driver, String table, String text, String suffix) {
    WebElement row =
        waitOn(driver)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.xpath(
                        "//*[@id='"
                            + table
                            + "']//tr[.//*[contains(normalize-space(.), '"
                            + text
                            + "')]]")));
    WebElement button = row.findElement(By.cssSelector("[id$=':" + suffix + "']"));
    click(driver, button);
  }

  @Test
  void aStoreAndItsProductGoFromApplicationToTheCatalogueThroughTheConsole() throws Exception {
    String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String email = TestAccounts.create("shopkeeper", Role.MEMBER);
    long member = TestAccounts.id(email);
    long entity = TestAccounts.entity(member, "public", false);
    String entityName =
        (String) TestAccounts.query("select name from ring.entities where id = ?", entity);
    String storeName = "Store " + word;
    String title = "Carved bowl " + word;

    // The member opens a store on a phone.
    phone = Browser.open(390, 844);
    signIn(phone, email, TestAccounts.PASSWORD);
    phone.get(url("/vendor/start"));
    choose(phone, "startForm:entityId", entityName);
    phone.findElement(By.id("startForm:name")).sendKeys(storeName);
    phone.findElement(By.id("startForm:slug")).sendKeys("shop-" + word);
    phone.findElement(By.id("startForm:description")).sendKeys("Bowls and spoons carved by hand.");
    fitsThePhone(phone, "store-start-phone");
    click(phone, phone.findElement(By.id("startForm:open")));
    waitOn(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("store-status")));
    assertEquals("pending", phone.findElement(By.id("store-status")).getAttribute("data-status"));
    assertTrue(phone.findElements(By.id("new-product")).isEmpty(), "no products before approval");
    fitsThePhone(phone, "store-dashboard-pending-phone");

    // An admin approves the store in the console.
    desk = Browser.open(1280, 900);
    signIn(desk, "admin@ring.local", TestAccounts.DEMO_PASSWORD);
    desk.get(url("/admin/vendors"));
    clickInRow(desk, "vendors:pendingTable", storeName, "approve");
    waitOn(desk)
        .until(
            d ->
                "active"
                    .equals(query("select status from ring.vendors where owner_id = ?", member)));
    Browser.screenshot(desk, "store-admin-vendors");

    // The member adds a product with a photo and stock, and submits it.
    phone.get(url("/vendor"));
    assertEquals("active", phone.findElement(By.id("store-status")).getAttribute("data-status"));
    click(phone, phone.findElement(By.id("new-product")));
    waitOn(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("productForm:title")));
    phone.findElement(By.id("productForm:title")).sendKeys(title);
    choose(phone, "productForm:category", "Art and crafts");
    phone.findElement(By.id("productForm:price")).sendKeys("249.90");
    phone.findElement(By.id("productForm:description")).sendKeys("Birch, oiled, 18 cm across.");
    fitsThePhone(phone, "product-new-phone");
    click(phone, phone.findElement(By.id("productForm:save")));
    waitOn(phone).until(ExpectedConditions.urlContains("id="));
    assertEquals("draft", phone.findElement(By.id("edit-status")).getAttribute("data-status"));
    long product =
        ((Number) query("select id from ring.store_products where title = ?", title)).longValue();
    assertEquals(
        24990L,
        ((Number) query("select price_minor from ring.store_products where id = ?", product))
            .longValue());

    Path photo = Files.createTempFile("bowl", ".png");
    Files.write(photo, StoreFixtures.image("png"));
    phone.findElement(By.id("image-file")).sendKeys(photo.toAbsolutePath().toString());
    click(phone, phone.findElement(By.id("image-upload")));
    waitOn(phone).until(ExpectedConditions.urlContains("uploaded=1"));
    assertEquals(1, phone.findElements(By.cssSelector("#image-list img")).size());

    WebElement stock = phone.findElement(By.id("productForm:newStock"));
    stock.sendKeys("7");
    phone.findElement(By.id("productForm:stockReason")).sendKeys("first batch");
    click(phone, phone.findElement(By.id("productForm:setStock")));
    waitOn(phone).until(ExpectedConditions.textToBe(By.id("stock-total"), "7"));
    fitsThePhone(phone, "product-edit-phone");
    click(phone, phone.findElement(By.id("productForm:submit")));
    waitOn(phone)
        .until(ExpectedConditions.attributeToBe(By.id("edit-status"), "data-status", "pending"));

    // Nobody sees it until the admin approves it.
    assertEquals(404, RingDeployment.get(base, "/api/store/products/" + product).statusCode());
    desk.get(url("/admin/products"));
    clickInRow(desk, "approval:pendingTable", title, "approve");
    waitOn(desk)
        .until(
            d ->
                "active"
                    .equals(query("select status from ring.store_products where id = ?", product)));

    // A visitor finds it in the catalogue and opens it.
    phone.manage().deleteAllCookies();
    phone.get(url("/store"));
    phone.findElement(By.id("catalogue:q")).sendKeys(word);
    WebElement before = phone.findElement(By.id("catalogue:results"));
    click(phone, phone.findElement(By.id("catalogue:searchButton")));
    waitOn(phone).until(ExpectedConditions.stalenessOf(before));
    WebElement card =
        waitOn(phone)
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-product-id='" + product + "'] a.ring-product-link")));
    assertEquals(1, phone.findElements(By.cssSelector(".ring-product-card")).size());
    fitsThePhone(phone, "store-catalogue-phone");
    click(phone, card);
    waitOn(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("product-title")));
    assertEquals(title, phone.findElement(By.id("product-title")).getText());
    // The add-to-cart form shows the catalogue's price and that the product can be had.
    String price = phone.findElement(By.id("buy-price")).getText();
    assertTrue(price.contains("249"), price);
    assertTrue(phone.findElements(By.id("buy-unavailable")).isEmpty(), "it can be bought");
    assertTrue(phone.findElement(By.id("buy-stock")).isDisplayed(), "in stock");
    assertEquals(storeName, phone.findElement(By.id("product-vendor")).getText());
    assertEquals(1, phone.findElements(By.cssSelector("#product-photos img")).size());
    Object loaded =
        phone.executeScript(
            "var i = document.querySelector('#product-photos img');"
                + " return i.complete && i.naturalWidth > 0;");
    assertEquals(Boolean.TRUE, loaded, "the photo is served");
    fitsThePhone(phone, "store-product-phone");
  }

  private static Object query(String sql, Object... params) {
    try {
      return TestAccounts.query(sql, params);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
