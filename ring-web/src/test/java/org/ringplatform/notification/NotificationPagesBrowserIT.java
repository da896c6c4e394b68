package org.ringplatform.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;

/**
 * The inbox in a real browser: a notification shows unread and is marked read; while the page is
 * open, a new one (an entity owner adding the person through the API) updates the header's badge
 * live over the Tunnel and offers to show it; the settings page saves a choice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationPagesBrowserIT {

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

  private void invite(String ownerToken, long entity, String email) throws Exception {
    assertEquals(
        204,
        new Api(base)
            .post(
                "/api/entities/" + entity + "/members", "{\"email\":\"" + email + "\"}", ownerToken)
            .statusCode());
  }

  private String badge() {
    WebElement badge = driver.findElement(By.id("unread-badge"));
    return badge.getAttribute("class").contains("ring-hidden") ? "" : badge.getText().strip();
  }

  @Test
  void theInboxShowsNotificationsAndTheBadgeFollowsLive() throws Exception {
    String ownerEmail = TestAccounts.create("owner", Role.MEMBER);
    long ownerId = TestAccounts.id(ownerEmail);
    String owner = new Api(base).accessToken(ownerEmail, TestAccounts.PASSWORD);
    String email = TestAccounts.create("reader", Role.MEMBER);
    invite(owner, TestAccounts.entity(ownerId, "public", false), email);

    driver = Browser.open(1280, 900);
    wait = Browser.await(driver, 20);
    driver.get(url("/signin"));
    field("email").sendKeys(email);
    field("password").sendKeys(TestAccounts.PASSWORD);
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));

    driver.get(url("/notifications"));
    List<WebElement> unread = driver.findElements(By.cssSelector("li.ring-notification.unread"));
    assertEquals(1, unread.size());
    assertTrue(unread.get(0).getText().contains("Entity"), unread.get(0).getText());
    assertEquals("1", badge());

    driver.findElement(By.cssSelector("li.ring-notification.unread .ring-mark-read")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.ring-notification.unread"), 0));
    driver.navigate().refresh();
    assertEquals("", badge());
    // Wait for the Tunnel to be open before the next notification is created.
    wait.until(
        d ->
            "open"
                .equals(
                    driver.executeScript("return window.RingTunnel && RingTunnel.status().state")));

    invite(owner, TestAccounts.entity(ownerId, "public", false), email);
    wait.until(d -> "1".equals(badge()));
    WebElement live = driver.findElement(By.id("inbox-live"));
    wait.until(ExpectedConditions.visibilityOf(live));
    Browser.screenshot(driver, "inbox-live-badge");
    live.findElement(By.cssSelector("a")).click();
    wait.until(
        ExpectedConditions.numberOfElementsToBe(By.cssSelector("li.ring-notification.unread"), 1));

    click("markAllRead");
    wait.until(d -> "".equals(badge()));

    driver.get(url("/account/notifications"));
    WebElement emailBox =
        driver.findElement(By.cssSelector("tr[data-type='entity_invited'] input.pref-email"));
    assertTrue(!emailBox.isSelected(), "email for invitations is off by default");
    emailBox.click();
    click("save");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ui-messages-info")));
    driver.navigate().refresh();
    assertTrue(
        driver
            .findElement(By.cssSelector("tr[data-type='entity_invited'] input.pref-email"))
            .isSelected());
  }

  private void click(String idSuffix) {
    WebElement button = field(idSuffix);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }
}
