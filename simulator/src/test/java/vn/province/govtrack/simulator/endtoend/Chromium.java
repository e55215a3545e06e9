package vn.province.govtrack.simulator.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium ({@code /usr/bin/chromium}) driven through Debian's chromedriver
 * ({@code /usr/bin/chromedriver}); the system properties {@code chromium.binary} and
 * {@code webdriver.chrome.driver} name others. Both paths are given to Selenium, so Selenium Manager
 * is never asked to find or download a browser or a driver. Each session has a fresh profile in a
 * temporary directory, deleted on {@link #close}, and keeps the page's console messages for
 * {@link #consoleLog}.
 */
final class Chromium implements AutoCloseable {

    private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final StringBuilder console = new StringBuilder();

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test, saying why and how to install them, when the browser or its driver is
     * missing: a machine without them cannot run the browser tests, which is not a failure of the product.
     */
    static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), () ->
                "the dashboard's browser tests need Chromium and its driver, and this machine lacks "
                + String.join(" and ", Stream.of(BROWSER, DRIVER).filter(path -> !Files.isExecutable(path))
                        .map(Path::toString).toList())
                + "; on Debian or Ubuntu: sudo apt-get install chromium chromium-driver (.ci/run installs them)");
    }

    /** Whether this machine has the browser and its driver. */
    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** A new headless session whose window (the page's viewport) is {@code width} × {@code height}. */
    static Chromium start(int width, int height) {
        Path profile;
        try {
            profile = Files.createTempDirectory("govtrack-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--window-size=" + width + "," + height,
                             "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(driver, profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The viewport as a phone's ({@code mobile}: true) or a desktop's, in CSS pixels, at scale 1. */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                                 Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /**
     * Writes the whole page as a PNG to {@code file}, beyond the viewport's height: Chrome DevTools'
     * {@code Page.captureScreenshot} over the document's full size.
     */
    Path screenshot(Path file) {
        return screenshot(file, Integer.MAX_VALUE);
    }

    /** As {@link #screenshot(Path)}, but at most the page's top {@code maxHeight} CSS pixels. */
    Path screenshot(Path file, int maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(maxHeight, ((Number) content.get("height")).doubleValue());
        return capture(file, Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
    }

    /**
     * Writes {@code element} alone as a PNG to {@code file}, however tall: its box in the document, with the
     * page scrolled to its top first, so that a sticky bar stays where it belongs.
     */
    Path screenshot(Path file, WebElement element) {
        driver.executeScript("window.scrollTo(0, 0)");
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) driver.executeScript("""
                const box = arguments[0].getBoundingClientRect();
                return {x: box.left + window.scrollX, y: box.top + window.scrollY, width: box.width, height: box.height};""",
                element);
        return capture(file, Map.of("x", box.get("x"), "y", box.get("y"), "width", box.get("width"),
                                    "height", box.get("height"), "scale", 1));
    }

    private Path capture(Path file, Map<String, Object> clip) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Every console message the page has written since the session started, one a line. */
    String consoleLog() {
        newConsoleLines();
        return console.toString();
    }

    /** The console messages written since the last call (of this or {@link #consoleLog}), one a line. */
    List<String> newConsoleLines() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> lines = entries.stream().map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
        lines.forEach(line -> console.append(line).append('\n'));
        return lines;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
