package vn.province.govtrack.simulator.province;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Official;

/** Publishes the province's procedures: {@code POST /procedures}. */
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
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", procedure.code());
            body.put("name", procedure.name());
            body.put("field", procedure.field().name());
            body.put("level", procedure.level());
            body.put("processingHours", procedure.processingHours());
            body.put("cutoff", procedure.cutoff().format(HOUR_MINUTE));
            body.put("online", procedure.online());
            seeding.send(Official.ADMIN, "procedure", procedure.code(), "/procedures", body, "procedure:" + procedure.code());
        });
    }
}
