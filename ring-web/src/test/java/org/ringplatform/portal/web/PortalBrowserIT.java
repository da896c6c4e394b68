package org.ringplatform.portal.web;

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
import org.ringplatform.testing.web.Browser;
import org.ringplatform.testing.web.RingDeployment;

/**
 * The portal shell in a real browser (headless Chromium): the brand in the header, navigation, the
 * locale switcher, the branded 404, and a phone-sized screen without sideways scrolling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalBrowserIT {

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

  private WebDriverWait waiting() {
    return Browser.await(driver, 20);
  }

  @Test
  void theHomePageShowsTheBrandAndTheNavigation() throws Exception {
    driver = Browser.open(1280, 900);
    driver.get(url("/"));
    assertEquals("Arq-Ring", driver.findElement(By.cssSelector(".ring-brand-name")).getText());
    assertTrue(driver.getTitle().contains("Arq-Ring"));
    List<String> nav =
        driver.findElements(By.cssSelector(".ring-nav a")).stream()
            .map(WebElement::getText)
            .toList();
    assertTrue(nav.contains("Home") && nav.contains("About"), nav.toString());
    assertFalse(nav.contains("Console"), "a visitor does not see the admin console");
    Browser.screenshot(driver, "home-desktop");
  }

  @Test
  void theSwitcherChangesTheLanguageAndRemembersIt() throws Exception {
    driver = Browser.open(1280, 900);
    driver.get(url("/about"));
    driver.findElement(By.cssSelector(".ring-locales a[hreflang='uk']")).click();
    waiting().until(ExpectedConditions.urlContains("/uk/about"));
    assertEquals("uk", driver.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Про"));

    // The choice sticks: the bare address now leads to the Ukrainian page.
    driver.get(url("/"));
    waiting().until(ExpectedConditions.urlContains("/uk/"));
    assertTrue(driver.findElement(By.id("welcome")).getText().contains("Ласкаво просимо"));

    driver.findElement(By.cssSelector(".ring-locales a[hreflang='ru']")).click();
    waiting().until(ExpectedConditions.urlContains("/ru/"));
    assertTrue(driver.findElement(By.id("welcome")).getText().contains("Добро пожаловать"));

    driver.findElement(By.cssSelector(".ring-locales a[hreflang='en']")).click();
    waiting().until(d -> d.getCurrentUrl().equals(url("/")));
    assertTrue(driver.findElement(By.id("welcome")).getText().contains("Welcome to"));
  }

  @Test
  void anUnknownAddressShowsTheBranded404() throws Exception {
    driver = Browser.open(1280, 900);
    driver.get(url("/ru/no-such-page"));
    assertTrue(driver.findElement(By.tagName("h1")).getText().contains("Страница не найдена"));
    assertEquals("Arq-Ring", driver.findElement(By.cssSelector(".ring-brand-name")).getText());
    driver.findElement(By.linkText("На главную страницу")).click();
    waiting().until(ExpectedConditions.urlContains("/ru/"));
  }

  @Test
  void pagesFitAPhoneScreen() throws Exception {
    driver = Browser.open(375, 812);
    for (String path : List.of("/", "/uk/about", "/ru/", "/missing-page")) {
      driver.get(url(path));
      assertEquals(375L, driver.executeScript("return window.innerWidth;"), "phone viewport");
      assertFalse(Browser.overflowsHorizontally(driver), path + " scrolls sideways at 375 px");
      WebElement brand = driver.findElement(By.cssSelector(".ring-brand-name"));
      assertTrue(brand.isDisplayed());
      assertTrue(brand.getRect().getX() + brand.getRect().getWidth() <= 375);
    }
    driver.get(url("/uk/"));
    Browser.screenshot(driver, "home-phone-uk");
  }
}
