package org.ringplatform.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ringplatform.testing.web.Api;
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;
import org.ringplatform.testing.web.TestAccounts;
import org.ringplatform.testing.web.TestMail;

/**
 * A person's first day, in a real browser: sign up, confirm through the mail that arrived, sign in,
 * be refused the members' page, get upgraded by an admin, see the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignUpToMemberBrowserIT {

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

  private String url(String path) {
    return RingDeployment.at(base, path).toString();
  }

  private WebElement field(String idSuffix) {
    return driver.findElement(By.cssSelector("main input[id$='" + idSuffix + "']"));
  }

  private void submit() {
    driver
        .findElement(By.cssSelector("main form button[type='submit'], main form [id$='submit']"))
        .click();
  }

  @Test
  void signUpConfirmSignInGetUpgradedAndEnterTheMembersPage() throws Exception {
    String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ring";
    String password = "my own long passphrase";
    driver = Browser.open(1280, 900);
    WebDriverWait wait = Browser.await(driver, 30);

    driver.get(url("/signup"));
    field("email").sendKeys(email);
    field("displayName").sendKeys("Browser Person");
    field("password").sendKeys(password);
    submit();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".ui-messages-info, .ui-message-info, .ring-notice")));

    String mail = TestMail.await(email, 1);
    String link = TestMail.extract(mail, "(https?://\\S+/confirm\\?token=[A-Za-z0-9_-]+)");
    driver.get(url(link.substring(link.indexOf("/confirm"))));
    assertEquals(
        Boolean.TRUE,
        TestAccounts.query("select email_verified from ring.users where email = ?", email));

    driver.get(url("/signin"));
    field("email").sendKeys(email);
    field("password").sendKeys(password);
    submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    assertTrue(driver.findElement(By.id("account-link")).getText().contains("Browser Person"));

    driver.get(url("/members"));
    assertTrue(
        driver.getPageSource().contains("Access denied"),
        "a subscriber is refused the members' page");
    assertTrue(driver.findElements(By.cssSelector(".ring-nav a[href$='/members']")).isEmpty());

    Api api = new Api(base);
    String admin = api.accessToken("admin@ring.local", TestAccounts.DEMO_PASSWORD);
    long id = TestAccounts.id(email);
    assertEquals(
        200,
        api.call(
                "PUT",
                "/api/admin/users/" + id + "/role",
                "{\"role\":\"member\",\"reason\":\"welcome\"}",
                admin)
            .statusCode());

    driver.get(url("/members"));
    assertTrue(!driver.getPageSource().contains("Access denied"), "the member now enters");
    assertTrue(
        driver.getPageSource().contains("Browser Person"), "the directory lists the new member");
    Browser.screenshot(driver, "members-after-upgrade");

    driver.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
    driver.get(url("/members"));
    wait.until(ExpectedConditions.urlContains("/signin"));
  }

  private void signInWithForm(String email, String password, boolean remember) {
    driver.get(url("/signin"));
    field("email").sendKeys(email);
    field("password").sendKeys(password);
    if (remember) {
      driver.findElement(By.cssSelector("[id$='remember'] .ui-chkbox-box")).click();
    }
    submit();
    Browser.await(driver, 30).until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }

  @Test
  void rememberMeKeepsYouSignedInAfterTheBrowserRestarts() throws Exception {
    String email = TestAccounts.create("remember", Role.MEMBER);
    driver = Browser.open(1280, 900);
    signInWithForm(email, TestAccounts.PASSWORD, true);
    Cookie remembered = driver.manage().getCookieNamed("ring-remember");
    assertNotNull(remembered, "a device cookie was set");
    assertNotNull(remembered.getExpiry(), "it outlives the browser session");
    assertTrue(remembered.isHttpOnly());

    // A browser restart drops session cookies and keeps persistent ones.
    driver.manage().deleteCookieNamed("JSESSIONID");
    driver.get(url("/account/profile"));
    assertTrue(driver.getCurrentUrl().contains("/account/profile"), driver.getCurrentUrl());
    assertFalse(driver.findElements(By.id("sign-out")).isEmpty(), "signed in again by the device");
    assertNotEquals(
        remembered.getValue(),
        driver.manage().getCookieNamed("ring-remember").getValue(),
        "the secret rotates");

    // Replaying the old value (a copied cookie) forgets every device of the account.
    driver.manage().deleteAllCookies();
    driver.manage().addCookie(new Cookie("ring-remember", remembered.getValue(), "/"));
    driver.get(url("/account/profile"));
    Browser.await(driver, 30).until(ExpectedConditions.urlContains("/signin"));
    assertEquals(
        0L,
        ((Number)
                TestAccounts.query(
                    "select count(*) from ring.remember_me_tokens where user_id = ?",
                    TestAccounts.id(email)))
            .longValue());
  }

  @Test
  void aSixDigitCodeFromTheMailSignsYouIn() throws Exception {
    String email = TestAccounts.create("code", Role.SUBSCRIBER);
    driver = Browser.open(1280, 900);
    WebDriverWait wait = Browser.await(driver, 30);
    driver.get(url("/signin-code"));
    field("email").sendKeys(email);
    driver.findElement(By.cssSelector("main form [id$='send']")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("main input[id$='code']")));
    String code = TestMail.extract(TestMail.await(email, 1), "\\b(\\d{6})\\b");
    field("code").sendKeys(code);
    submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    assertTrue(driver.findElement(By.id("account-link")).getText().contains("code"));
  }

  @Test
  void aForgottenPasswordIsResetThroughTheMailedLinkOnce() throws Exception {
    String email = TestAccounts.create("forgetful", Role.SUBSCRIBER);
    driver = Browser.open(1280, 900);
    WebDriverWait wait = Browser.await(driver, 30);
    driver.get(url("/forgot"));
    field("email").sendKeys(email);
    submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forgot-done")));
    String path = TestMail.extract(TestMail.await(email, 1), "(/reset\\?token=[A-Za-z0-9_-]+)");

    driver.get(url(path));
    field("password").sendKeys("a fresh reset passphrase");
    field("confirmation").sendKeys("a fresh reset passphrase");
    submit();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset-done")));

    Api api = new Api(base);
    String newPassword =
        "{\"grant_type\":\"password\",\"email\":\""
            + email
            + "\",\"password\":\"a fresh reset passphrase\"}";
    String oldPassword =
        "{\"grant_type\":\"password\",\"email\":\""
            + email
            + "\",\"password\":\""
            + TestAccounts.PASSWORD
            + "\"}";
    assertEquals(200, api.post("/api/auth/token", newPassword, null).statusCode());
    assertEquals(401, api.post("/api/auth/token", oldPassword, null).statusCode());

    // The link works once.
    driver.get(url(path));
    field("password").sendKeys("yet another passphrase");
    field("confirmation").sendKeys("yet another passphrase");
    submit();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".ui-messages-error, .ui-message-error")));
    assertEquals(200, api.post("/api/auth/token", newPassword, null).statusCode());
  }
}
