package vn.province.govtrack.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.province.govtrack.query.QuerySideHttpTest;

/**
 * The dashboard at {@code /} as a browser fetches it: the page, its modules, style sheet, dictionaries and
 * the charts library, each without a token, with its content type, the page and its assets under the strict
 * Content-Security-Policy; and nothing beyond them opened by the same rules.
 */
class DashboardPageTest extends QuerySideHttpTest {

    private static final Pattern PAGE_ASSET = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([^']+)'");

    @LocalServerPort
    private int port;

    /** A client that sends no token, as a browser opening the page does. */
    private TestRestTemplate browser;

    @BeforeEach
    void aBrowserWithoutAToken() {
        browser = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    @Test
    void theRootServesThePageWithoutATokenUnderAStrictContentSecurityPolicy() {
        for (String path : List.of("/", "/index.html")) {
            ResponseEntity<String> page = browser.getForEntity(path, String.class);

            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).as(path).isTrue();
            assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path)
                    .isEqualTo(DashboardHeaders.POLICY).startsWith("default-src 'self'");
            assertThat(page.getBody()).contains("data-testid=\"period\"");
        }
    }

    @Test
    void theSignInPageIsToldWithoutATokenThatNoLocalTokensAreServedOutsideTheLocalProfile() {
        ResponseEntity<String> config = browser.getForEntity("/dashboard/config", String.class);

        assertThat(config.getStatusCode().value()).isEqualTo(200);
        assertThat(config.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(config.getBody()).isEqualToIgnoringWhitespace("{\"devTokens\":false}");
        assertThat(browser.postForEntity("/dev/tokens", null, String.class).getStatusCode().value())
                .as("what the answer stands for").isEqualTo(404);
    }

    @Test
    void everyAssetThePageAndItsModulesNameIsServedWithoutATokenWithItsContentType() {
        String page = browser.getForObject("/", String.class);
        Set<String> assets = new LinkedHashSet<>(matches(PAGE_ASSET, page));
        assertThat(assets).contains("webjars/echarts/5.3.1/dist/echarts.min.js", "dashboard/app.js",
                                    "dashboard/dashboard.css");
        // the modules the page's modules import, and theirs in turn
        Deque<String> unread = new ArrayDeque<>(assets);
        while (!unread.isEmpty()) {
            String module = unread.poll();
            if (module.endsWith(".js") && module.startsWith("dashboard/")) {
                for (String imported : matches(MODULE_IMPORT, browser.getForObject("/" + module, String.class))) {
                    if (assets.add("dashboard/" + imported)) {
                        unread.add("dashboard/" + imported);
                    }
                }
            }
        }
        assets.addAll(List.of("dashboard/i18n/vi.json", "dashboard/i18n/en.json"));
        assertThat(assets).contains("dashboard/views.js", "dashboard/live.js", "dashboard/i18n.js",
                                    "dashboard/index766.js", "dashboard/figures.js");

        for (String asset : assets) {
            ResponseEntity<byte[]> answer = browser.getForEntity("/" + asset, byte[].class);
            assertThat(answer.getStatusCode().value()).as(asset).isEqualTo(200);
            assertThat(answer.getBody()).as(asset).isNotEmpty();
            MediaType type = answer.getHeaders().getContentType();
            assertThat(type).as(asset).isNotNull();
            assertThat(type.toString()).as(asset).startsWith(expectedType(asset));
            if (asset.startsWith("dashboard/")) {
                assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).as(asset)
                        .isEqualTo(DashboardHeaders.POLICY);
            }
        }
    }

    @Test
    void thePageRunsNoInlineScriptOrStyleSoTheStrictPolicyHoldsIt() {
        String page = browser.getForObject("/", String.class);

        assertThat(matches(Pattern.compile("<script([^>]*)>"), page))
                .isNotEmpty().allSatisfy(attributes -> assertThat(attributes).contains("src="));
        assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void onlyThePageAndItsAssetsAreOpenAndTheApiStillWantsAToken() {
        for (String path : List.of("/api/v1/units", "/api/v1/timeliness", "/other.html", "/actuator/info")) {
            ResponseEntity<String> answer = browser.getForEntity(path, String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(401);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Bearer");
        }
        assertThat(browser.getForEntity("/dashboard/no-such.js", String.class).getStatusCode().value()).isEqualTo(404);
    }

    private static String expectedType(String asset) {
        if (asset.endsWith(".js")) {
            return "text/javascript";
        }
        if (asset.endsWith(".css")) {
            return "text/css";
        }
        if (asset.endsWith(".json")) {
            return "application/json";
        }
        if (asset.endsWith(".svg")) {
            return "image/svg+xml";
        }
        throw new AssertionError("an asset of an unexpected kind: " + asset);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
