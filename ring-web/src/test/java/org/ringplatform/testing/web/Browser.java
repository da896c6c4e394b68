package org.ringplatform.testing.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages, driven by Selenium through {@code
 * /usr/bin/chromedriver} (no driver or browser download happens). The flags keep it off the
 * network, which is closed here.
 */
public final class Browser {

  private Browser() {}

  /** A new browser with a window of the given size and an empty profile. */
  public static ChromeDriver open(int width, int height) throws Exception {
    if (System.getProperty("webdriver.chrome.driver") == null) {
      System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("ring.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + Files.createTempDirectory("ring-chromium"));
    if (width < 500) {
      // Headless windows are at least 500 px wide; a phone is emulated at its real CSS width.
      options.setExperimentalOption(
          "mobileEmulation",
          java.util.Map.of(
              "deviceMetrics",
              java.util.Map.of(
                  "width", width, "height", height, "pixelRatio", 2.0, "mobile", true)));
    }
    ChromeDriver driver = new ChromeDriver(options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /**
   * A wait that polls again when PrimeFaces replaced the element it was reading (a stale element,
   * or Chrome's "node does not belong to the document"): an AJAX re-render is not a failure.
   */
  public static WebDriverWait await(WebDriver driver, int seconds) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
    // Chrome reports a node replaced mid-read as a plain WebDriverException ("Node with given id
    // does not belong to the document"), so the wait ignores the whole family, stale elements
    // included; a dead browser still ends the wait, at its timeout.
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** Saves a screenshot under target/screenshots for a person to look at. */
  public static void screenshot(ChromeDriver driver, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** True when the page is wider than the window, that is, it scrolls sideways. */
  public static boolean overflowsHorizontally(ChromeDriver driver) {
    Object result =
        ((org.openqa.selenium.JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    return Boolean.TRUE.equals(result);
  }
}
