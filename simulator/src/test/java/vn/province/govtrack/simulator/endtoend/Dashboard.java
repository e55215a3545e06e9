package vn.province.govtrack.simulator.endtoend;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

import vn.province.govtrack.simulator.http.Official;

/**
 * The query side's dashboard at {@code /} as its browser tests see it: only through its {@code data-testid}
 * hooks and the raw {@code data-value} of every number, never through the formatted text people read.
 * Every read waits (bounded) for the page to render, since the panels fill in asynchronously.
 */
final class Dashboard {

    /** How long the page may take to show something asked for: generous, the CI machine is shared. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String baseUrl;

    Dashboard(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /**
     * Loads the page afresh at {@code /}, signed out and with no remembered choice: the origin's storage is
     * cleared while no page of it is open, so that no request of the last session is left half-done.
     */
    void open() {
        driver.get("about:blank");
        ((HasCdp) driver).executeCdpCommand("Storage.clearDataForOrigin", Map.of(
                "origin", baseUrl, "storageTypes", "local_storage,session_storage"));
        driver.get(baseUrl + "/");
        await("the sign-in form (signin-role)", () -> present("signin-role"));
    }

    /** Signs in through the role picker of the local profile, as {@code official}. */
    void signIn(Official official) {
        await("the sign-in form (signin-role)", () -> displayed("signin-role"));
        new Select(hook("signin-role")).selectByValue(official.role());
        if (official.unitCode() != null) {
            await("the unit picker (signin-unit) to offer " + official.unitCode(), () -> displayed("signin-unit")
                    && !hook("signin-unit").findElements(By.cssSelector("option[value='" + official.unitCode() + "']"))
                            .isEmpty());
            new Select(hook("signin-unit")).selectByValue(official.unitCode());
        }
        hook("signin-submit").click();
        await("signed-in-as to say " + official.role(), () -> present("signed-in-as")
                && official.role().equals(hook("signed-in-as").getAttribute("data-role")));
    }

    /** Shows the view of {@code route} (the part of the URL after {@code #}), without reloading the page. */
    void show(String route) {
        script("location.hash = arguments[0]", route);
    }

    /** The view of the province for a month, {@code YYYY-MM}. */
    void province(String month) {
        show("#/?period=" + month);
    }

    // ---- reading ----

    /** The element of hook {@code testId}; fails if the page has none now. */
    WebElement hook(String testId) {
        return driver.findElement(testId(testId));
    }

    boolean present(String testId) {
        return !driver.findElements(testId(testId)).isEmpty();
    }

    boolean displayed(String testId) {
        try {
            return hook(testId).isDisplayed();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return false;
        }
    }

    /** The raw value of hook {@code testId}'s {@code data-value}, once the hook is on the page with one. */
    String value(String testId) {
        await(testId + " with a data-value", () -> present(testId) && hook(testId).getAttribute("data-value") != null);
        return hook(testId).getAttribute("data-value");
    }

    /** The raw value of hook {@code testId}'s {@code data-value} now; null when the page has no such hook or value. */
    String valueNow(String testId) {
        try {
            List<WebElement> hooks = driver.findElements(testId(testId));
            return hooks.isEmpty() ? null : hooks.get(0).getAttribute("data-value");
        } catch (StaleElementReferenceException e) {
            return null;
        }
    }

    /** Whether the panel {@code testId} says that the signed-in role may not read it. */
    boolean forbidden(String testId) {
        return present(testId) && "true".equals(hook(testId).getAttribute("data-forbidden"));
    }

    /**
     * The rows of table {@code testId}, keyed by the row's attributes {@code keys} (joined by "/"), each
     * row its cells' {@code data-value} by {@code data-col}.
     */
    Map<String, Map<String, String>> rows(String testId, String... keys) {
        return items(testId, "tr", keys);
    }

    /**
     * As {@link #rows}, for the elements {@code tag} (e.g. {@code div} for tiles) within hook {@code testId}
     * that carry the attributes {@code keys}, in the order shown.
     */
    Map<String, Map<String, String>> items(String testId, String tag, String... keys) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        String selector = "[data-testid='" + testId + "'] " + tag + attributes(keys);
        for (WebElement row : driver.findElements(By.cssSelector(selector))) {
            List<String> key = new ArrayList<>();
            for (String attribute : keys) {
                key.add(row.getAttribute(attribute));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (WebElement cell : row.findElements(By.cssSelector("[data-col]"))) {
                cells.put(cell.getAttribute("data-col"), cell.getAttribute("data-value"));
            }
            rows.put(String.join("/", key), cells);
        }
        return rows;
    }

    /** The ids ({@code data-dossier}) of the items of list {@code testId}, in the order shown. */
    List<String> dossiers(String testId) {
        List<String> ids = new ArrayList<>();
        for (WebElement item : driver.findElements(By.cssSelector("[data-testid='" + testId + "'] [data-dossier]"))) {
            ids.add(item.getAttribute("data-dossier"));
        }
        return ids;
    }

    /** Clicks the link of dossier {@code dossierId} in list {@code testId}. */
    void openDossier(String testId, String dossierId) {
        By link = By.cssSelector("[data-testid='" + testId + "'] [data-dossier='" + dossierId + "'] a");
        await(dossierId + " in " + testId, () -> !driver.findElements(link).isEmpty());
        driver.findElement(link).click();
    }

    /** Clicks the row (its link, if it has one) of unit {@code unitCode} in the units table. */
    void drillInto(String unitCode) {
        By selector = By.cssSelector("[data-testid='units-table'] tr[data-unit='" + unitCode + "']");
        await(unitCode + " in units-table", () -> !driver.findElements(selector).isEmpty());
        WebElement row = driver.findElement(selector);
        List<WebElement> links = row.findElements(By.tagName("a"));
        (links.isEmpty() ? row : links.get(0)).click();
    }

    /** The whole document as it stands, for what must not be anywhere in it. */
    String html() {
        return (String) script("return document.documentElement.outerHTML");
    }

    String lang() {
        return (String) script("return document.documentElement.lang");
    }

    String hash() {
        return (String) script("return location.hash");
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits until {@code condition} holds, failing with {@code what} (and the last error) after {@link #PATIENCE}. */
    void await(String what, Supplier<Boolean> condition) {
        await(what, condition, PATIENCE);
    }

    void await(String what, Supplier<Boolean> condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dashboard did not show " + what + " within " + patience.toSeconds()
                        + " s" + errorBanner().map(text -> "; its error banner says: " + text).orElse("")
                        + (last == null ? "" : "; last: " + last.getMessage().lines().findFirst().orElse("")));
            }
            RunScript.pause(Duration.ofMillis(100));
        }
    }

    /** The error banner's text, when it is shown. */
    Optional<String> errorBanner() {
        try {
            List<WebElement> banners = driver.findElements(testId("error"));
            return banners.stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                    .filter(text -> !text.isBlank()).findFirst();
        } catch (StaleElementReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a value shown equals the API's: numbers by value ({@code 1} and {@code 1.0} are equal; the
     * page keeps JavaScript's form of the number), anything else as text; the API's null as an empty or
     * absent {@code data-value}.
     */
    static boolean same(String shown, Object api) {
        if (api == null || "null".equals(String.valueOf(api))) {
            return shown == null || shown.isEmpty() || shown.equals("null");
        }
        if (shown == null) {
            return false;
        }
        try {
            return new BigDecimal(shown).compareTo(new BigDecimal(String.valueOf(api))) == 0;
        } catch (NumberFormatException notANumber) {
            return shown.equals(String.valueOf(api));
        }
    }

    private static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    private static String attributes(String... keys) {
        StringBuilder selector = new StringBuilder();
        for (String key : keys) {
            selector.append('[').append(key).append(']');
        }
        return selector.toString();
    }
}
