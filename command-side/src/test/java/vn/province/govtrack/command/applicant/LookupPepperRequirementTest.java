package vn.province.govtrack.command.applicant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LookupPepperRequirementTest {

    @Test
    void theCommandSideDoesNotStartWithoutAPepper() {
        assertThatThrownBy(() -> new LookupPepperRequirement(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GOVTRACK_LOOKUP_PEPPER");
    }

    @Test
    void norWithAPepperTooShortToBeASecret() {
        assertThatThrownBy(() -> new LookupPepperRequirement("x".repeat(31)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongEnoughPepperIsAccepted() {
        assertThatCode(() -> new LookupPepperRequirement("p".repeat(32))).doesNotThrowAnyException();
    }
}
