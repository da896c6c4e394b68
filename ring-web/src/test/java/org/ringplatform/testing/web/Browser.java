package org.ringplatform.testing.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

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
