package vn.province.govtrack.kernel.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.dossier.DossierIds;
import vn.province.govtrack.kernel.unit.UnitIds;

class StaffIdsTest {

    @Test
    void aStaffIdThatIsAlsoADossierIdStillNamesItsOwnStream() {
        assertThat(DossierIds.isValid("HS-0001")).isTrue();
        assertThat(StaffIds.isValid("HS-0001")).isTrue();

        assertThat(StaffIds.streamOf("HS-0001")).isEqualTo("staff:HS-0001").isNotEqualTo("HS-0001");
    }

    @Test
    void noValidStaffIdCanNameAnotherPrefixedStream() {
        assertThat(StaffIds.isValid("unit:XA-1")).isFalse();
        assertThat(StaffIds.streamOf("XA-1")).isNotEqualTo(UnitIds.streamOf("XA-1"));
        assertThat(StaffIds.isValid("")).isFalse();
        assertThat(StaffIds.isValid(null)).isFalse();
        assertThat(StaffIds.isValid("x".repeat(65))).isFalse();
    }
}
