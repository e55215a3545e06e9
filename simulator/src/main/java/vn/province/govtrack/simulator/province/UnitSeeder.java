package vn.province.govtrack.simulator.province;

import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Official;

/** Registers the province's 166 units: {@code POST /units}. */
public final class UnitSeeder implements Seeder {

    @Override
    public String name() {
        return "units";
    }

    @Override
    public void seed(Seeding seeding) {
        List<UnitSpec> units = seeding.province().units();
        seeding.inParallel(name(), units.size(), i -> {
            UnitSpec unit = units.get(i);
            seeding.send(Official.ADMIN, "unit", unit.code(), "/units",
                         Map.of("code", unit.code(), "name", unit.name(), "kind", unit.kind().name()),
                         "unit:" + unit.code());
        });
    }
}
