package vn.province.govtrack.command.applicant;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.kernel.applicant.EraseApplicantDataCommand;

class ApplicantDataTest {

    private static final Instant ERASED_AT = Instant.parse("2025-07-20T03:00:00Z");

    private FixtureConfiguration<ApplicantData> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApplicantData.class);
    }

    @Test
    void an_erasure_is_recorded_with_the_key_id_and_its_time_only() {
        fixture.givenNoPriorActivity()
               .when(new EraseApplicantDataCommand("key-an", ERASED_AT))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ApplicantDataErasedEvent("key-an", ERASED_AT))
               .expectResultMessagePayload(new ApplicantDataErasedEvent("key-an", ERASED_AT));
    }

    @Test
    void asking_again_records_nothing_and_answers_the_first_erasure_time() {
        fixture.given(new ApplicantDataErasedEvent("key-an", ERASED_AT))
               .when(new EraseApplicantDataCommand("key-an", ERASED_AT.plusSeconds(3600)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents()
               .expectResultMessagePayload(new ApplicantDataErasedEvent("key-an", ERASED_AT));
    }
}
