package vn.province.govtrack.simulator.province;

import java.util.List;

/**
 * One unit of the simulated province.
 *
 * @param fields      for provincial units, the fields whose provincial dossiers it receives (empty for local units)
 * @param volume      relative number of dossiers its desk receives (local units; 1 = an average commune)
 * @param punctuality how much more often than average its dossiers end late (1 = average)
 * @param digitalMaturity how far its desk is ahead of the province in digitising dossiers, issuing electronic
 *                    results, taking payments online and answering feedback, in standard deviations (0 = average,
 *                    between -2.5 and 2.5)
 */
public record UnitSpec(String code, String name, UnitKind kind, List<Field> fields, double volume,
                       double punctuality, double digitalMaturity) {

    public UnitSpec {
        fields = List.copyOf(fields);
    }
}
