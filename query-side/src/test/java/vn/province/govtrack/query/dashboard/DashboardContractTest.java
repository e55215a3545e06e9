package vn.province.govtrack.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as its browser tests and translators rely on them, read from the classpath as
 * the service serves them: every DOM hook ({@code data-testid}) the browser tests use is in the page or
 * its scripts, the Vietnamese and English dictionaries have the same keys, and every key the page and
 * scripts name is in them.
 */
class DashboardContractTest {

    /** The hooks of the dashboard's DOM contract (README.md, Dashboard). */
    private static final List<String> HOOKS = List.of(
            "signin-role", "signin-unit", "signin-submit", "signin-token", "signed-in-as", "signout",
            "lang-vi", "lang-en", "period", "live-status", "error",
            "panel-timeliness", "province-received", "province-resolved", "province-early", "province-onTime",
            "province-late", "province-pending", "province-overdue", "province-onTimeRate",
            "chart-on-time-by-unit", "chart-received-per-day", "units-table",
            "panel-ranking", "ranking-table", "panel-overdue", "overdue-list", "panel-due-soon", "due-soon-list",
            "panel-staffing", "staffing-table", "panel-proposals", "proposals-table",
            "unit-detail", "unit-by-field-table", "unit-by-procedure-table", "unit-received", "unit-onTimeRate",
            "dossier-detail", "dossier-status", "dossier-history",
            "panel-index", "index-score", "index-points-lost", "index-groups", "chart-index-points-lost",
            "index-units-table", "index-indicators", "index-indicators-table", "index-show-province",
            "panel-unit-index", "unit-index-score", "unit-index-points-lost", "unit-index-rank", "unit-index-groups",
            "unit-index-indicators-table");

    /** The national index's groups and indicators as its answer names them (docs/index-766.md), in its order. */
    private static final List<String> INDEX_GROUPS = List.of("DISCLOSURE", "PROGRESS", "DIGITISATION", "ONLINE",
                                                             "SATISFACTION");
    private static final List<String> INDEX_INDICATORS = List.of(
            "PUBLISHED_ON_TIME", "UPDATED_ON_TIME", "CONTENT_COMPLETE", "ON_TIME", "ELECTRONIC_RESULTS",
            "DIGITISED_DOSSIERS", "REUSED_DATA", "POPULATION_DATA", "PROCEDURES_ONLINE", "ONLINE_DOSSIERS",
            "ONLINE_PAYMENTS", "FEEDBACK_ON_TIME", "SERVICE_SATISFACTION", "RATINGS");

    private static final List<String> FILES = List.of("index.html", "dashboard/app.js", "dashboard/views.js",
            "dashboard/panels.js", "dashboard/charts.js", "dashboard/live.js", "dashboard/i18n.js",
            "dashboard/api.js", "dashboard/dom.js", "dashboard/figures.js", "dashboard/index766.js");

    @Test
    void everyHookOfTheContractIsInThePageOrItsScripts() throws IOException {
        String all = String.join("\n", texts());
        Set<String> hooks = new TreeSet<>();
        Matcher attribute = Pattern.compile("data-testid=\"([^\"]+)\"").matcher(text("index.html"));
        while (attribute.find()) {
            hooks.add(attribute.group(1));
        }
        // as a string the scripts give a data-testid (a panel's, a table's or a list's)
        Matcher literal = Pattern.compile("['\"]([a-z]+(?:-[a-zA-Z]+)+)['\"]").matcher(all);
        while (literal.find()) {
            hooks.add(literal.group(1));
        }
        assertThat(all).contains("'data-testid': testid", "'data-testid': listTestid");
        // the figure tiles: `${prefix}-${column}` for the prefixes and columns the scripts name
        assertThat(all).contains("'data-testid': `${prefix}-${column}`");
        for (String prefix : List.of("province", "unit")) {
            assertThat(all).contains("tiles('" + prefix + "'");
            for (String column : List.of("received", "resolved", "early", "onTime", "late", "pending", "overdue",
                                         "onTimeRate")) {
                assertThat(all).contains("'" + column + "'");
                hooks.add(prefix + "-" + column);
            }
        }

        assertThat(hooks).containsAll(HOOKS);
    }

    @Test
    void bothDictionariesHaveTheSameKeysAndNoEmptyText() throws IOException {
        JsonNode vi = dictionary("vi");
        JsonNode en = dictionary("en");

        assertThat(keys(vi)).isNotEmpty().isEqualTo(keys(en));
        for (JsonNode dictionary : List.of(vi, en)) {
            dictionary.fields().forEachRemaining(entry -> assertThat(entry.getValue().asText()).as(entry.getKey())
                                                                                          .isNotBlank());
        }
    }

    @Test
    void everyKeyThePageAndItsScriptsNameIsInTheDictionaries() throws IOException {
        Set<String> keys = keys(dictionary("vi"));
        Set<String> named = new TreeSet<>();
        Matcher matcher = Pattern.compile("(?:\\bt\\(|data-i18n(?:-[a-z]+)?['\"]?\\s*[:=]\\s*|title: |entry\\(|\\[)"
                                          + "'([a-z][A-Za-z]*\\.[A-Za-z.]+)'").matcher(String.join("\n", texts()));
        while (matcher.find()) {
            named.add(matcher.group(1));
        }
        Matcher attribute = Pattern.compile("data-i18n(?:-[a-z]+)?=\"([a-zA-Z.]+)\"").matcher(text("index.html"));
        while (attribute.find()) {
            named.add(attribute.group(1));
        }

        // a text chosen by count names its key without the plural form: key.other is the one every language has
        Matcher plural = Pattern.compile("\\bplural\\('([a-z][A-Za-z]*\\.[A-Za-z.]+)'")
                .matcher(String.join("\n", texts()));
        int plurals = 0;
        while (plural.find()) {
            named.add(plural.group(1) + ".other");
            plurals++;
        }

        assertThat(plurals).isPositive();
        assertThat(named).hasSizeGreaterThan(40);
        assertThat(keys).containsAll(named);
        // the keys made from the API's values: each value of these enumerations has its words
        for (String prefix : List.of("status.", "state.", "role.", "channel.", "outcome.", "verdict.", "live.")) {
            assertThat(keys).anyMatch(key -> key.startsWith(prefix));
        }
        assertThat(keys).contains("status.NEW", "status.RETURNED", "state.SHORTAGE", "state.DISSOLVED",
                                  "role.CLERK", "role.CLIENT", "live.connecting", "live.live", "live.offline");
    }

    @Test
    void everyGroupIndicatorAndDeductionOfTheNationalIndexHasItsWords() throws IOException {
        Set<String> keys = keys(dictionary("vi"));
        String index = text("dashboard/index766.js");

        // the index panel names them from the answer's values: t(`group.${...}`) and the like
        assertThat(index).contains("t(`group.${", "t(`group.short.${", "t(`indicator.${", "t(`deduction.${");
        for (String group : INDEX_GROUPS) {
            assertThat(keys).contains("group." + group, "group.short." + group);
        }
        for (String indicator : INDEX_INDICATORS) {
            assertThat(keys).contains("indicator." + indicator);
        }
        assertThat(keys).contains("deduction.LATE", "deduction.COMPLAINTS");
        assertThat(keys.stream().filter(key -> key.startsWith("indicator."))).hasSize(INDEX_INDICATORS.size());
    }

    private static Set<String> keys(JsonNode dictionary) {
        Set<String> keys = new TreeSet<>();
        dictionary.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode dictionary(String language) throws IOException {
        return new ObjectMapper().readTree(text("dashboard/i18n/" + language + ".json"));
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : FILES) {
            texts.add(text(file));
        }
        return texts;
    }

    private static String text(String file) throws IOException {
        try (InputStream in = DashboardContractTest.class.getResourceAsStream("/static/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
