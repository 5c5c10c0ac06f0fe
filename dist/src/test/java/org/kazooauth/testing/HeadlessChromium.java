package org.kazooauth.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Headless Chromium driven with Selenium, through Debian's {@code chromium} and {@code chromium-driver} (named
 * explicitly, so Selenium downloads nothing): fills and submits pages as a person would, reads them, and keeps
 * screenshots as test output.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("kazoo.work.dir", "target"), "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;

    public HeadlessChromium() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("headless browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (./test.sh installs them when run as root)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStreamDiscard.INSTANCE)
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1000,900",
                        // the Duo emulator's certificate is its own
                        "--ignore-certificate-errors");
        driver = new ChromeDriver(service, options);
    }

    public void open(String url) {
        driver.get(url);
    }

    public void type(String css, String text) {
        element(css).sendKeys(text);
    }

    public void click(String css) {
        element(css).click();
    }

    /** The page's HTML as it is now. */
    public String page() {
        return driver.getPageSource();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until an element matches {@code css} (Keycloak's pages load after a redirect or two). */
    public void waitFor(String css) {
        element(css);
    }

    /** Waits up to 15 s for {@code condition}, failing with the page when it never holds. */
    public void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, WAIT, condition);
    }

    /**
     * Waits up to {@code wait} for {@code condition}, failing with the page when it never holds; a screenshot of
     * it is kept as {@code waited-for.png}.
     */
    public void waitUntil(String what, Duration wait, BooleanSupplier condition) {
        try {
            new WebDriverWait(driver, wait).until(browser -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            screenshot("waited-for");
            throw new IllegalStateException("waited " + wait.toSeconds() + " s for " + what + " on " + currentUrl()
                    + ":\n" + page(), e);
        }
    }

    /** Saves a screenshot as test output, {@code target/.../screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            return Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement element(String css) {
        try {
            return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new IllegalStateException("no element '" + css + "' on " + currentUrl() + ":\n" + page(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** chromedriver's own log is noise here. */
    private static final class OutputStreamDiscard extends java.io.OutputStream {
        static final OutputStreamDiscard INSTANCE = new OutputStreamDiscard();

        @Override
        public void write(int b) {
        }
    }
}
