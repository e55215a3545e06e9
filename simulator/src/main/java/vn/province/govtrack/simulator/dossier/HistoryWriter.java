package vn.province.govtrack.simulator.dossier;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.province.govtrack.simulator.http.Official;

/**
 * Writes the scenario's dossiers as a history to import (the command side's {@code import}, format in
 * docs/import.md): one line per step, each dossier's steps on consecutive lines in the order they
 * happened, dossiers in index order. The steps are those {@link DossierSeeder} sends over HTTP for the
 * same seed, up to the period's end, by the same officials: a clerk of the unit holding the dossier,
 * its head for extensions and transfers. The endings are timed against the due dates estimated by the
 * deadline rules ({@link DossierPlan#realize}), where the seeder uses the ones the service answers.
 */
public final class HistoryWriter {

    private final ObjectWriter json = new ObjectMapper().registerModule(new JavaTimeModule())
                                                         .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                         .writer();
    private final DossierPlanner planner;

    public HistoryWriter(DossierPlanner planner) {
        this.planner = planner;
    }

    /** Writes every dossier of the scenario; returns the number of records (lines) written. */
    public long write(Writer out, Runnable dossierWritten) throws IOException {
        Instant horizon = planner.scenario().horizon();
        long records = 0;
        for (int index = 0; index < planner.scenario().dossiers(); index++) {
            DossierPlan plan = planner.plan(index);
            List<Step> steps = plan.realize(planner.hours(), horizon);
            String unitCode = plan.unitCode();
            for (int sequence = 0; sequence < steps.size(); sequence++) {
                Step step = steps.get(sequence);
                out.write(json.writeValueAsString(record(plan.dossierId(), sequence, step, unitCode)));
                out.write('\n');
                records++;
                if (step instanceof Step.Transfer transfer) {
                    unitCode = transfer.toUnitCode();
                }
            }
            dossierWritten.run();
        }
        return records;
    }

    /** One line; the record's id is the dossier's id and the step's number in it, as the seeder's idempotency keys. */
    private static Map<String, Object> record(String dossierId, int sequence, Step step, String unitCode) {
        Official official = DossierSeeder.officialFor(step, unitCode);
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("subject", official.subject());
        actor.put("role", official.role());
        actor.put("unitCode", official.unitCode());
        Map<String, Object> fields = new LinkedHashMap<>(step.fields());
        fields.remove("dossierId"); // the record's own
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", dossierId + "/" + sequence);
        record.put("dossierId", dossierId);
        record.put("kind", step.kind());
        record.put("at", step.body().get(step.timeField()));
        record.put("actor", actor);
        record.put("fields", fields);
        return record;
    }
}
