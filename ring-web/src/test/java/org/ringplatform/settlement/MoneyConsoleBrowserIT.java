package org.ringplatform.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.ringplatform.testing.web.MoneyFixtures;
import org.ringplatform.testing.web.MoneyFixtures.Vendor;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The money pages in real browsers: an admin starts a settlement run on the console and watches it
 * complete, downloads the payouts CSV for the bank and marks the payout paid; the vendor, on a
 * phone, reads the statement and its lines and refunds part of an order; the ledger console's check
 * says the books balance (in Ukrainian) and the revenue page draws its chart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MoneyConsoleBrowserIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MoneyFixtures.deployment();
  }

  @ArquillianResource URL base;

  private ChromeDriver admin;
  private ChromeDriver vendor;

  @AfterEach
  void close() {
    for (ChromeDriver d : new ChromeDriver[] {admin, vendor}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  private String url(String path) {
    return RingDeployment.at(base, path).toString();
  }

  private void signIn(ChromeDriver driver, WebDriverWait wait, String email) {
    driver.manage().deleteAllCookies();
    driver.get(url("/signin"));
    driver.findElement(By.cssSelector("main [id$='email']")).sendKeys(email);
    driver.findElement(By.cssSelector("main [id$='password']")).sendKeys(TestAccounts.PASSWORD);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  @Test
  void anAdminSettlesAndPaysOutAndTheVendorReadsItsStatementAndRefunds() throws Exception {
    MoneyFixtures f = new MoneyFixtures(base);
    Vendor v = MoneyFixtures.vendor("browser-seller");
    long buyer = TestAccounts.id(TestAccounts.create("browser-buyer", Role.MEMBER));
    long settled = f.completedOrder(v, buyer, 25_000, 5 * 24 * 60);
    long refundable = f.completedOrder(v, buyer, 4_000, 60);
    String storeName =
        (String) TestAccounts.query("select name from ring.vendors where id = ?", v.id());
    Path downloads = Files.createTempDirectory("ring-downloads");

    admin = Browser.open(1280, 900);
    // The console re-renders its tables by Ajax while polling: a row read mid-update is retried.
    WebDriverWait wait = Browser.await(admin, 90);
    wait.ignoring(StaleElementReferenceException.class);
    signIn(admin, wait, TestAccounts.create("browser-admin", Role.ADMIN));
    admin.get(url("/admin/settlements"));
    admin.findElement(By.id("runs:start")).click();
    // The page polls while the run is under way; the new settlement appears when it completes.
    wait.until(d -> admin.findElement(By.id("runs:settlementTable")).getText().contains(storeName));
    assertTrue(
        admin.findElement(By.id("runs:runTable")).getText().contains("completed"),
        admin.findElement(By.id("runs:runTable")).getText());
    assertFalse(admin.findElements(By.cssSelector(".run-progress")).isEmpty());
    Browser.screenshot(admin, "settlement-console");

    // The bank's CSV is downloaded, and the payout is exported.
    admin.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    admin.findElement(By.id("payouts:export")).click();
    Path csv = wait.until(d -> downloaded(downloads));
    String text = Files.readString(csv);
    assertTrue(text.startsWith("payout_id,settlement_id,vendor_id,vendor,"), text);
    String line = text.lines().filter(l -> l.contains(storeName)).findFirst().orElseThrow();
    assertTrue(line.contains(",200.00,UAH,RING-PAYOUT-"), line);
    admin.get(url("/admin/settlements"));
    WebElement row = payoutRow(storeName);
    assertTrue(row.getText().contains("exported"), row.getText());
    row.findElement(By.cssSelector("input[id$='bankReference']")).sendKeys("BANK-42");
    row.findElement(By.cssSelector("button[id$='paid']")).click();
    wait.until(d -> payoutRow(storeName).getText().contains("BANK-42"));
    assertEquals(
        "paid", TestAccounts.query("select status from ring.payouts where vendor_id = ?", v.id()));

    // The vendor, on a phone, opens the statement and its lines.
    vendor = Browser.open(390, 844);
    WebDriverWait vendorWait = Browser.await(vendor, 60);
    vendorWait.ignoring(StaleElementReferenceException.class);
    signIn(vendor, vendorWait, v.ownerEmail());
    vendor.get(url("/vendor/statements"));
    assertEquals(storeName, vendor.findElement(By.id("store-name")).getText());
    vendor.findElement(By.cssSelector("a.settlement-link")).click();
    vendorWait.until(d -> !vendor.findElements(By.id("statement-net")).isEmpty());
    assertTrue(
        vendor.findElement(By.id("statement-net")).getText().contains("200.00"),
        vendor.findElement(By.id("statement-net")).getText());
    assertTrue(vendor.getPageSource().contains(">" + settled + "<"), "the order's line is shown");
    assertFalse(Browser.overflowsHorizontally(vendor), "the statement fits a phone");
    Browser.screenshot(vendor, "vendor-statement-phone");

    // The vendor refunds 10.00 of the other order.
    vendor.get(url("/refund?order=" + refundable));
    WebElement amount = vendor.findElement(By.id("refund:amount"));
    assertEquals("40.00", amount.getAttribute("value"));
    amount.clear();
    amount.sendKeys("10.00");
    vendor.findElement(By.id("refund:reason")).sendKeys("One item was missing");
    vendor.findElement(By.id("refund:submit")).click();
    vendorWait.until(d -> vendor.findElement(By.id("order-refunded")).getText().contains("10.00"));
    assertEquals(
        "partially_refunded",
        TestAccounts.query("select status from ring.orders where id = ?", refundable));
    assertFalse(Browser.overflowsHorizontally(vendor), "the refund page fits a phone");
    Browser.screenshot(vendor, "refund-phone");
    // Another vendor's order is not found.
    long foreign = f.completedOrder(MoneyFixtures.vendor("browser-other"), buyer, 1_000, 60);
    vendor.get(url("/refund?order=" + foreign));
    assertFalse(vendor.findElements(By.id("missing")).isEmpty());

    // The ledger console's check, in Ukrainian; the revenue chart.
    admin.get(url("/uk/admin/ledger"));
    admin.findElement(By.id("check:run")).click();
    wait.until(d -> !admin.findElements(By.id("check-result")).isEmpty());
    assertEquals("Реєстр збалансований.", admin.findElement(By.id("check-result")).getText());
    admin.get(url("/admin/revenue"));
    List<WebElement> bars =
        admin.findElements(By.cssSelector("#revenuePerDay rect.bar-commission"));
    assertEquals(30, bars.size());
    assertTrue(
        bars.stream().anyMatch(b -> Double.parseDouble(b.getAttribute("height")) > 0),
        "today's commission draws a bar");
    Browser.screenshot(admin, "revenue");
  }

  private WebElement payoutRow(String storeName) {
    return admin.findElements(By.cssSelector("[id='payouts:payoutTable'] tbody tr")).stream()
        .filter(r -> r.getText().contains(storeName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no payout row of " + storeName));
  }

  private static Path downloaded(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".csv"))
          .findFirst()
          .filter(p -> p.toFile().length() > 0)
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
