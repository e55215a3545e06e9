package vn.province.govtrack.command.procedure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.kernel.procedure.OnlineLevel;
import vn.province.govtrack.kernel.procedure.ProcedureContent;
import vn.province.govtrack.kernel.procedure.ProcedurePublishedEvent;
import vn.province.govtrack.kernel.procedure.ProcedureUpdatedEvent;
import vn.province.govtrack.kernel.procedure.PublishProcedureCommand;
import vn.province.govtrack.kernel.procedure.UpdateProcedureCommand;

/** Publication and updates of a procedure, on Thursday 10 July 2025 at 23:30 in the province (16:30 UTC). */
class ProcedureTest {

    private static final ZoneId PROVINCE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 10);
    private static final LocalTime THREE_PM = LocalTime.of(15, 0);
    private static final Set<ProcedureContent> NAME_AND_FEES = EnumSet.of(ProcedureContent.NAME, ProcedureContent.FEES);
    private static final Instant RECORDED_ON_THE_FIFTH = LocalDate.of(2025, 7, 5).atTime(0, 30)
                                                                            .atZone(PROVINCE).toInstant();
    private static final Set<ProcedureContent> NONE_DISCLOSED = EnumSet.noneOf(ProcedureContent.class);

    private FixtureConfiguration<Procedure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Procedure.class);
        // late in the evening in the province, already the next day nowhere west of it: "today" is the province's
        fixture.registerInjectableResource(Clock.fixed(TODAY.atTime(23, 30).atZone(PROVINCE).toInstant(), PROVINCE));
    }

    private static PublishProcedureCommand publish(OnlineLevel level, LocalDate publishedOn, LocalDate effectiveFrom,
                                                   Set<ProcedureContent> content) {
        return new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE", 4, THREE_PM,
                                           level, publishedOn, effectiveFrom, content);
    }

    private static ProcedurePublishedEvent published(OnlineLevel level, LocalDate publishedOn, LocalDate effectiveFrom,
                                                     Set<ProcedureContent> content) {
        return new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE", 4, THREE_PM,
                                           level.online(), level, publishedOn, effectiveFrom, content);
    }

    /** Published on 1 July 2025, offered partly online, disclosing its name and fees. */
    private static ProcedurePublishedEvent publishedOnTheFirstOfJuly() {
        return published(OnlineLevel.PARTIAL, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 1), NAME_AND_FEES);
    }

    private static UpdateProcedureCommand update(OnlineLevel level, Set<ProcedureContent> content, LocalDate updatedOn,
                                                 LocalDate effectiveFrom) {
        return new UpdateProcedureCommand("1.001", level, content, updatedOn, effectiveFrom, "Decision 12/QĐ-UBND");
    }

    @Test
    void aNewProcedureIsPublishedWithItsTermsOnlineLevelDatesAndContent() {
        LocalDate publishedOn = LocalDate.of(2025, 6, 20);
        LocalDate effectiveFrom = LocalDate.of(2025, 7, 1);
        ProcedurePublishedEvent expected = published(OnlineLevel.FULL, publishedOn, effectiveFrom, NAME_AND_FEES);

        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.FULL, publishedOn, effectiveFrom, NAME_AND_FEES))
                .expectEvents(expected)
                .expectResultMessagePayload(expected);
    }

    @Test
    void withoutDatesItIsPublishedTodayInTheProvinceAndTakesEffectTheSameDayDisclosingNothing() {
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, null, null, null))
                .expectEvents(published(OnlineLevel.NONE, TODAY, TODAY, NONE_DISCLOSED));
    }

    @Test
    void aCodeThatIsAlreadyPublishedCannotBePublishedAgain() {
        fixture.given(publishedOnTheFirstOfJuly())
                .when(new PublishProcedureCommand("1.001", "Other", "LAND", "COMMUNE", 8, THREE_PM, OnlineLevel.NONE,
                                                  null, null, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' is already published")
                .expectNoEvents();
    }

    @Test
    void theProcessingTimeMustBeAtLeastOneWorkingHour() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE", "COMMUNE", 0, THREE_PM,
                                                  OnlineLevel.NONE, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void theProcessingTimeMustNotExceedThreeHundredWorkingDays() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Giao đất", "LAND", "PROVINCE",
                                                  Procedure.MAX_PROCESSING_HOURS + 1, THREE_PM, OnlineLevel.NONE,
                                                  null, null, null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aProcedureNeedsACutoff() {
        fixture.givenNoPriorActivity()
                .when(new PublishProcedureCommand("1.001", "Đăng ký khai sinh", "JUSTICE", "COMMUNE", 8, null,
                                                  OnlineLevel.NONE, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("cutoff is required")
                .expectNoEvents();
    }

    @Test
    void aProcedureNeedsAnOnlineLevel() {
        fixture.givenNoPriorActivity()
                .when(publish(null, null, null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("onlineLevel is required")
                .expectNoEvents();
    }

    @Test
    void aProcedureIsNotPublishedTomorrow() {
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, TODAY.plusDays(1), null, null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("publishedOn 2025-07-11 lies in the future")
                .expectNoEvents();
    }

    @Test
    void aProcedureIsNotPublishedBeforeTwoThousand() {
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, LocalDate.of(1999, 12, 31), LocalDate.of(2025, 1, 1), null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("publishedOn must not be before 2000-01-01")
                .expectNoEvents();
    }

    @Test
    void itsLegalBasisTakesEffectBetweenTwoThousandAndTwentyOneHundred() {
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, TODAY, LocalDate.of(2101, 1, 1), null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("effectiveFrom must lie between 2000-01-01 and 2100-12-31")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, TODAY, LocalDate.of(1999, 12, 31), null))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void aLegalBasisTakingEffectLaterIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, TODAY, LocalDate.of(2100, 12, 31), null))
                .expectEvents(published(OnlineLevel.NONE, TODAY, LocalDate.of(2100, 12, 31), NONE_DISCLOSED));
    }

    @Test
    void theContentNamesNoEmptyElement() {
        Set<ProcedureContent> withNull = new HashSet<>();
        withNull.add(ProcedureContent.NAME);
        withNull.add(null);

        fixture.givenNoPriorActivity()
                .when(publish(OnlineLevel.NONE, TODAY, null, withNull))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateRecordsTheNewOnlineLevelWithTheContentAsItStands() {
        ProcedureUpdatedEvent expected = new ProcedureUpdatedEvent("1.001", OnlineLevel.FULL, NAME_AND_FEES,
                                                                   LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 8),
                                                                   "Decision 12/QĐ-UBND");

        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(OnlineLevel.FULL, null, LocalDate.of(2025, 7, 5), LocalDate.of(2025, 7, 8)))
                .expectEvents(expected)
                .expectResultMessagePayload(expected);
    }

    @Test
    void anUpdateOfTheContentKeepsTheOnlineLevelAndIsAnnouncedTodayEffectiveTodayByDefault() {
        Set<ProcedureContent> all = EnumSet.allOf(ProcedureContent.class);

        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(null, all, null, null))
                .expectEvents(new ProcedureUpdatedEvent("1.001", OnlineLevel.PARTIAL, all, TODAY, TODAY,
                                                        "Decision 12/QĐ-UBND"));
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(OnlineLevel.PARTIAL, EnumSet.of(ProcedureContent.FEES, ProcedureContent.NAME), TODAY, null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' is already offered PARTIAL with this content; an update "
                                        + "must change one of them")
                .expectNoEvents();
    }

    @Test
    void anUpdateIsComparedWithTheProcedureAsTheLastUpdateLeftIt() {
        fixture.given(publishedOnTheFirstOfJuly(),
                      new ProcedureUpdatedEvent("1.001", OnlineLevel.NONE, NAME_AND_FEES, LocalDate.of(2025, 7, 3),
                                                LocalDate.of(2025, 7, 3), "suspended"))
                .when(update(OnlineLevel.NONE, null, TODAY, null))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
        fixture.given(publishedOnTheFirstOfJuly(),
                      new ProcedureUpdatedEvent("1.001", OnlineLevel.NONE, NAME_AND_FEES, LocalDate.of(2025, 7, 3),
                                                LocalDate.of(2025, 7, 3), "suspended"))
                .when(update(OnlineLevel.PARTIAL, null, TODAY, null))
                .expectEvents(new ProcedureUpdatedEvent("1.001", OnlineLevel.PARTIAL, NAME_AND_FEES, TODAY, TODAY,
                                                        "Decision 12/QĐ-UBND"));
    }

    @Test
    void anUpdateThatWithdrewAllContentAsTheStoreReadsItBackIsFollowedByTheNext() {
        fixture.given(publishedOnTheFirstOfJuly(),
                      new ProcedureUpdatedEvent("1.001", OnlineLevel.PARTIAL, new HashSet<>(), LocalDate.of(2025, 7, 3),
                                                LocalDate.of(2025, 7, 3), "content withdrawn for revision"))
                .when(update(null, NAME_AND_FEES, TODAY, null))
                .expectEvents(new ProcedureUpdatedEvent("1.001", OnlineLevel.PARTIAL, NAME_AND_FEES, TODAY, TODAY,
                                                        "Decision 12/QĐ-UBND"));
    }

    @Test
    void anUpdateIsNotAnnouncedBeforeThePublication() {
        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(OnlineLevel.FULL, null, LocalDate.of(2025, 6, 30), null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' was published on 2025-07-01; an update cannot be "
                                        + "announced before, on 2025-06-30")
                .expectNoEvents();
    }

    @Test
    void anUpdateIsNotAnnouncedBeforeTheLastUpdate() {
        fixture.given(publishedOnTheFirstOfJuly(),
                      new ProcedureUpdatedEvent("1.001", OnlineLevel.FULL, NAME_AND_FEES, LocalDate.of(2025, 7, 5),
                                                LocalDate.of(2025, 7, 5), "fully online"))
                .when(update(OnlineLevel.NONE, null, LocalDate.of(2025, 7, 4), null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' was last updated on 2025-07-05; updates are announced in "
                                        + "order, not on 2025-07-04")
                .expectNoEvents();
    }

    @Test
    void aProcedurePublishedBeforeItsPublicationDayWasRecordedCountsAsPublishedWhenRecorded() {
        // an event recorded before the index's fields existed, on 5 July 2025 in the province
        fixture.givenCurrentTime(RECORDED_ON_THE_FIFTH)
                .andGiven(new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE", 4,
                                                  THREE_PM, true, null, null, null, null))
                .when(update(null, NAME_AND_FEES, LocalDate.of(2025, 7, 4), null))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("procedure '1.001' was published on 2025-07-05; an update cannot be "
                                        + "announced before, on 2025-07-04")
                .expectNoEvents();
    }

    @Test
    void aProcedurePublishedBeforeTheFieldsExistedIsUpdatedFromWhatItWasReadAs() {
        fixture.givenCurrentTime(RECORDED_ON_THE_FIFTH)
                .andGiven(new ProcedurePublishedEvent("1.001", "Đăng ký khai sinh", "JUSTICE_CIVIL_STATUS", "COMMUNE", 4,
                                                  THREE_PM, true, null, null, null, null))
                .when(update(null, NAME_AND_FEES, null, null))
                .expectEvents(new ProcedureUpdatedEvent("1.001", OnlineLevel.PARTIAL, NAME_AND_FEES, TODAY, TODAY,
                                                        "Decision 12/QĐ-UBND"));
    }

    @Test
    void anUpdateIsNotAnnouncedInTheFutureAndTakesEffectWithinTheRange() {
        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(OnlineLevel.FULL, null, TODAY.plusDays(1), null))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("updatedOn 2025-07-11 lies in the future")
                .expectNoEvents();
        fixture.given(publishedOnTheFirstOfJuly())
                .when(update(OnlineLevel.FULL, null, TODAY, LocalDate.of(2101, 1, 1)))
                .expectException(InvalidCommandException.class)
                .expectNoEvents();
    }

    @Test
    void anUpdateNeedsAReason() {
        fixture.given(publishedOnTheFirstOfJuly())
                .when(new UpdateProcedureCommand("1.001", OnlineLevel.FULL, null, TODAY, null, " "))
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("reason must not be blank")
                .expectNoEvents();
    }
}
