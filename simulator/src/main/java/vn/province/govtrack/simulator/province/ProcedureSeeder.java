package vn.province.govtrack.simulator.province;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * Publishes the province's procedures ({@code POST /procedures}) as they were first published, then
 * announces each one's later updates in order ({@code POST /procedures/{code}/updates}), as the
 * province's administrator does.
 */
public final class ProcedureSeeder implements Seeder {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    public String name() {
        return "procedures";
    }

    @Override
    public void seed(Seeding seeding) {
        List<ProcedureSpec> procedures = seeding.province().procedures();
        seeding.inParallel(name(), procedures.size(), i -> {
            ProcedureSpec procedure = procedures.get(i);
            Answer published = seeding.send(Official.ADMIN, "procedure", procedure.code(), "/procedures",
                                            publication(procedure), "procedure:" + procedure.code());
            List<Disclosure.Update> updates = procedure.disclosure().updates();
            for (int u = 0; published.ok() && u < updates.size(); u++) {
                seeding.send(Official.ADMIN, "procedure-update", procedure.code(),
                             "/procedures/" + procedure.code() + "/updates", update(updates.get(u)),
                             "procedure-update:" + procedure.code() + "/" + u);
            }
        });
    }

    static Map<String, Object> publication(ProcedureSpec procedure) {
        Disclosure disclosure = procedure.disclosure();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", procedure.code());
        body.put("name", procedure.name());
        body.put("field", procedure.field().name());
        body.put("level", procedure.level());
        body.put("processingHours", procedure.processingHours());
        body.put("cutoff", procedure.cutoff().format(HOUR_MINUTE));
        body.put("online", procedure.online());
        body.put("onlineLevel", disclosure.onlineLevel().name());
        body.put("publishedOn", disclosure.publishedOn().toString());
        body.put("effectiveFrom", disclosure.effectiveFrom().toString());
        body.put("content", inOrder(disclosure.content()));
        return body;
    }

    static Map<String, Object> update(Disclosure.Update update) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (update.onlineLevel() != null) {
            body.put("onlineLevel", update.onlineLevel().name());
        }
        if (update.content() != null) {
            body.put("content", inOrder(update.content()));
        }
        body.put("updatedOn", update.updatedOn().toString());
        body.put("effectiveFrom", update.effectiveFrom().toString());
        body.put("reason", update.reason());
        return body;
    }

    /** The elements in the order of the list of elements, so that the same procedure always sends the same body. */
    private static List<String> inOrder(Set<String> content) {
        return Disclosure.ELEMENTS.stream().filter(content::contains).toList();
    }
}
