package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.query.personnel.Rebalancing.Proposal;

class RebalancingTest {

    private static final String IT = "INFORMATION_TECHNOLOGY";

    /** A row of the IT staffing review with the given gap (quota 5). */
    private static StaffingRow unit(String code, UnitKind kind, int gap) {
        int effective = 5 + gap;
        return new StaffingRow(code, code, kind, IT, 5, effective, 0, 0, effective, gap, StaffingState.of(gap));
    }

    @Test
    void oneSurplusCoversOneShortageAsFarAsItGoes() {
        assertThat(Rebalancing.propose(List.of(unit("SO", UnitKind.DEPARTMENT, 2), unit("XA", UnitKind.COMMUNE, -3))))
                .containsExactly(new Proposal("SO", "XA", IT, 2));
        assertThat(Rebalancing.propose(List.of(unit("SO", UnitKind.DEPARTMENT, 4), unit("XA", UnitKind.COMMUNE, -3))))
                .containsExactly(new Proposal("SO", "XA", IT, 3));
    }

    @Test
    void communesWardsAndSpecialZonesAreServedBeforeProvincialUnitsWhateverTheirShortage() {
        List<Proposal> proposals = Rebalancing.propose(List.of(
                unit("SO-A", UnitKind.DEPARTMENT, 2),
                unit("TT-B", UnitKind.CENTER, -4),
                unit("XA-C", UnitKind.COMMUNE, -1),
                unit("DK-D", UnitKind.SPECIAL_ZONE, -1)));

        assertThat(proposals).containsExactly(new Proposal("SO-A", "DK-D", IT, 1), new Proposal("SO-A", "XA-C", IT, 1));
    }

    @Test
    void withinATierTheLargestShortageIsServedFirst() {
        List<Proposal> proposals = Rebalancing.propose(List.of(
                unit("SO-A", UnitKind.DEPARTMENT, 3),
                unit("XA-B", UnitKind.COMMUNE, -1),
                unit("PH-C", UnitKind.WARD, -3)));

        assertThat(proposals).containsExactly(new Proposal("SO-A", "PH-C", IT, 3));
    }

    @Test
    void eachShortageTakesFromTheLargestRemainingSurplusAndNoDonorGivesMoreThanItsSurplus() {
        List<Proposal> proposals = Rebalancing.propose(List.of(
                unit("SO-A", UnitKind.DEPARTMENT, 3),
                unit("SO-B", UnitKind.DEPARTMENT, 2),
                unit("XA-C", UnitKind.COMMUNE, -4),
                unit("XA-D", UnitKind.COMMUNE, -2)));

        assertThat(proposals).containsExactly(
                new Proposal("SO-A", "XA-C", IT, 3),
                new Proposal("SO-B", "XA-C", IT, 1),
                new Proposal("SO-B", "XA-D", IT, 1));
        assertThat(proposals.stream().filter(p -> p.fromUnitCode().equals("SO-A")).mapToInt(Proposal::count).sum())
                .isEqualTo(3);
        assertThat(proposals.stream().mapToInt(Proposal::count).sum()).as("min(surplus 5, shortage 6)").isEqualTo(5);
    }

    @Test
    void amongEqualSurplusesProvincialUnitsGiveFirst() {
        List<Proposal> proposals = Rebalancing.propose(List.of(
                unit("AA-WARD", UnitKind.WARD, 1),
                unit("ZZ-DEPT", UnitKind.DEPARTMENT, 1),
                unit("XA-C", UnitKind.COMMUNE, -1)));

        assertThat(proposals).containsExactly(new Proposal("ZZ-DEPT", "XA-C", IT, 1));
    }

    @Test
    void withoutAShortageOrWithoutASurplusNothingIsProposed() {
        assertThat(Rebalancing.propose(List.of(unit("SO", UnitKind.DEPARTMENT, 2), unit("XA", UnitKind.COMMUNE, 0))))
                .isEmpty();
        assertThat(Rebalancing.propose(List.of(unit("SO", UnitKind.DEPARTMENT, 0), unit("XA", UnitKind.COMMUNE, -2))))
                .isEmpty();
    }

    @Test
    void aDissolvedUnitNeverReceivesAndGivesTheStaffStillCountedThere() {
        StaffingRow dissolved = new StaffingRow("XA-OLD", "XA-OLD", UnitKind.COMMUNE, IT, 0, 2, 0, 0, 2, 2,
                                          StaffingState.DISSOLVED);

        assertThat(Rebalancing.propose(List.of(dissolved, unit("XA-NEW", UnitKind.COMMUNE, -3))))
                .containsExactly(new Proposal("XA-OLD", "XA-NEW", IT, 2));
    }
}
