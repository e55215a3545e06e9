package vn.province.govtrack.simulator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bodies the procedure seeder sends: api.md's {@code POST /procedures} and {@code POST /procedures/{code}/updates}. */
class ProcedureSeederTest {

    private final Province province = ProvinceCatalogue.province();

    @Test
    void a_procedure_is_published_with_its_online_level_dates_and_disclosed_elements_as_first_published() {
        ProcedureSpec procedure = province.procedures().stream()
                .filter(p -> !p.disclosure().updates().isEmpty() && p.disclosure().updates().get(0).content() != null)
                .findFirst().orElseThrow();

        Map<String, Object> body = ProcedureSeeder.publication(procedure);

        assertThat(body).containsEntry("code", procedure.code())
                        .containsEntry("online", procedure.online())
                        .containsEntry("onlineLevel", procedure.disclosure().onlineLevel().name())
                        .containsEntry("publishedOn", procedure.disclosure().publishedOn().toString())
                        .containsEntry("effectiveFrom", procedure.disclosure().effectiveFrom().toString());
        assertThat(body.get("content")).asList()
                .containsExactlyElementsOf(Disclosure.ELEMENTS.stream()
                                                   .filter(procedure.disclosure().content()::contains).toList())
                .hasSizeLessThan(Disclosure.ELEMENTS.size());
    }

    @Test
    void an_update_sends_only_what_it_changes_with_its_dates_and_reason() {
        Disclosure.Update raise = province.procedures().stream().flatMap(p -> p.disclosure().updates().stream())
                .filter(update -> update.onlineLevel() != null).findFirst().orElseThrow();
        Disclosure.Update content = province.procedures().stream().flatMap(p -> p.disclosure().updates().stream())
                .filter(update -> update.content() != null).findFirst().orElseThrow();

        assertThat(ProcedureSeeder.update(raise)).containsEntry("onlineLevel", "FULL").doesNotContainKey("content")
                .containsEntry("updatedOn", raise.updatedOn().toString())
                .containsEntry("effectiveFrom", raise.effectiveFrom().toString())
                .containsEntry("reason", raise.reason());
        assertThat(ProcedureSeeder.update(content)).doesNotContainKey("onlineLevel").containsKey("content");
    }
}
