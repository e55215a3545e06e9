package vn.province.govtrack.command.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.province.govtrack.command.calendar.WorkingCalendar;
import vn.province.govtrack.command.calendar.WorkingHours;
import vn.province.govtrack.command.rejection.ForbiddenCommandException;
import vn.province.govtrack.command.rejection.InvalidCommandException;
import vn.province.govtrack.command.rejection.RuleViolationException;
import vn.province.govtrack.command.rejection.UnknownReferenceException;
import vn.province.govtrack.command.unit.RegisteredUnit;
import vn.province.govtrack.command.unit.UnitDirectory;
import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.feedback.AnswerFeedbackCommand;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.feedback.ReceiveFeedbackCommand;
import vn.province.govtrack.security.Role;

/** Receiving feedback and answering it, accepted and refused, as given/when/then. */
class FeedbackTest {

    private static final String COMMUNE = "XA-TAN-LAP";
    private static final String WARD = "PHUONG-HOA-BINH";
    /** Merged into a neighbour: dissolved from Wednesday 2 July 2025. */
    private static final String MERGED_COMMUNE = "XA-TAN-HOA";
    private static final Instant NOW = at("2025-10-01T10:00");
    private static final String SUBJECT = "Hẹn trả kết quả nhiều lần";
    /** National Day 2025: Monday 1 and Tuesday 2 September. */
    private static final Set<LocalDate> HOLIDAYS_2025 = Set.of(LocalDate.parse("2025-09-01"),
                                                                LocalDate.parse("2025-09-02"));

    private FixtureConfiguration<Feedback> fixture;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingHours.PROVINCE_DEFAULT.zone()).toInstant();
    }

    @BeforeEach
    void setUp() {
        Map<String, RegisteredUnit> units = Map.of(
                COMMUNE, new RegisteredUnit(COMMUNE, null),
                WARD, new RegisteredUnit(WARD, null),
                MERGED_COMMUNE, new RegisteredUnit(MERGED_COMMUNE, LocalDate.parse("2025-07-02")));
        fixture = new AggregateTestFixture<>(Feedback.class);
        fixture.registerInjectableResource((UnitDirectory) code -> Optional.ofNullable(units.get(code)));
        fixture.registerInjectableResource(WorkingHours.PROVINCE_DEFAULT);
        fixture.registerInjectableResource(
                (WorkingCalendar.Holidays) year -> year == 2025 ? HOLIDAYS_2025 : Set.of());
        fixture.registerInjectableResource(Clock.fixed(NOW, WorkingHours.PROVINCE_DEFAULT.zone()));
    }

    private static ReceiveFeedbackCommand complaint(String receivedAt) {
        return new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, COMMUNE, "HS-1", SUBJECT,
                                          receivedAt == null ? null : at(receivedAt));
    }

    private static FeedbackReceivedEvent received(String receivedAt, String dueAt) {
        return new FeedbackReceivedEvent("GY-1", FeedbackKind.COMPLAINT, COMMUNE, "HS-1", SUBJECT, at(receivedAt),
                                         at(dueAt));
    }

    /** Received Friday 4 July 2025 at 10:00; ten working days on, Friday 18 July at 10:00. */
    private static FeedbackReceivedEvent receivedOnFriday() {
        return received("2025-07-04T10:00", "2025-07-18T10:00");
    }

    private static Map<String, Object> actor(String role, String unit) {
        return Map.of(EventMetadata.ACTOR, "someone", EventMetadata.ACTOR_ROLE, role, EventMetadata.ACTOR_UNIT, unit);
    }

    @Nested
    class Receipt {

        @Test
        void feedbackIsDueTenWorkingDaysLaterSkippingTheWeekends() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-04T10:00"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(receivedOnFriday())
                    .expectResultMessagePayload(receivedOnFriday());
        }

        @Test
        void theHolidaysOfTheWorkingCalendarDoNotCount() {
            // Friday 29 August 10:00: 6 hours that day, then National Day, then nine days to Monday 15 September
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-08-29T10:00"))
                    .expectEvents(received("2025-08-29T10:00", "2025-09-16T10:00"));
        }

        @Test
        void feedbackReceivedOnASaturdayCountsFromMondaysOpening() {
            // 80 working hours from Monday 7 July 08:00 run out at the close of Friday 18 July
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-05T10:00"))
                    .expectEvents(received("2025-07-05T10:00", "2025-07-18T17:00"));
        }

        @Test
        void feedbackHasNoCutOffAndCountsTheRestOfTheDayItIsReceivedOn() {
            // received 16:30: half an hour that Friday, and the rest ends at 16:30 ten working days later
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-04T16:30"))
                    .expectEvents(received("2025-07-04T16:30", "2025-07-18T16:30"));
        }

        @Test
        void withoutAReceiptTimeItIsReceivedNow() {
            // Wednesday 1 October 10:00
            fixture.givenNoPriorActivity()
                    .when(complaint(null))
                    .expectEvents(received("2025-10-01T10:00", "2025-10-15T10:00"));
        }

        @Test
        void aSuggestionNeedsNoDossier() {
            FeedbackReceivedEvent suggestion = new FeedbackReceivedEvent(
                    "GY-2", FeedbackKind.SUGGESTION, WARD, null, "Thêm ghế chờ", at("2025-07-04T10:00"),
                    at("2025-07-18T10:00"));
            fixture.givenNoPriorActivity()
                    .when(new ReceiveFeedbackCommand("GY-2", FeedbackKind.SUGGESTION, WARD, null, "Thêm ghế chờ",
                                                     at("2025-07-04T10:00")))
                    .expectEvents(suggestion);
        }

        @Test
        void aFeedbackIdUsedBeforeIsARuleViolation() {
            fixture.given(receivedOnFriday())
                    .when(complaint("2025-07-07T10:00"))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnknownUnitIsAnUnknownReference() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, "XA-KHONG-CO", null, SUBJECT,
                                                     at("2025-07-04T10:00")))
                    .expectException(UnknownReferenceException.class)
                    .expectNoEvents();
        }

        @Test
        void aUnitReceivesNoFeedbackFromTheDayOfItsDissolution() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, MERGED_COMMUNE, null, SUBJECT,
                                                     at("2025-07-02T08:00")))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("dissolved from 2025-07-02"))
                    .expectNoEvents();
        }

        @Test
        void aUnitReceivesFeedbackUntilTheDayBeforeItsDissolution() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, MERGED_COMMUNE, null, SUBJECT,
                                                     at("2025-07-01T16:00")))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aReceiptInTheFutureOrBefore2000IsInvalid() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-10-01T10:06"))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
            fixture.givenNoPriorActivity()
                    .when(complaint("1999-12-31T10:00"))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void aReceiptWithinTheClockSkewIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-10-01T10:04"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void kindSubjectAndUnitAreRequiredAndTheIdsTakeTheDossierIdForm() {
            Instant friday = at("2025-07-04T10:00");
            for (ReceiveFeedbackCommand invalid : new ReceiveFeedbackCommand[] {
                    new ReceiveFeedbackCommand("GY-1", null, COMMUNE, null, SUBJECT, friday),
                    new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, COMMUNE, null, " ", friday),
                    new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, COMMUNE, null, "x".repeat(501), friday),
                    new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, null, null, SUBJECT, friday),
                    new ReceiveFeedbackCommand("GY 1", FeedbackKind.COMPLAINT, COMMUNE, null, SUBJECT, friday),
                    new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, COMMUNE, "HS/1", SUBJECT, friday)}) {
                setUp(); // a fresh fixture: the ids differ
                fixture.givenNoPriorActivity()
                        .when(invalid)
                        .expectException(InvalidCommandException.class)
                        .expectNoEvents();
            }
        }

        @Test
        void aSubjectCarryingAnIdOrPhoneNumberIsRefusedAsPersonalData() {
            for (String subject : new String[] {"Ông A, CCCD 038090001234, phản ánh", "gọi lại 0912345678"}) {
                fixture.givenNoPriorActivity()
                        .when(new ReceiveFeedbackCommand("GY-1", FeedbackKind.COMPLAINT, COMMUNE, null, subject,
                                                         at("2025-07-04T10:00")))
                        .expectException(InvalidCommandException.class)
                        .expectNoEvents();
            }
        }
    }

    @Nested
    class Answer {

        @Test
        void anAnswerByTheDueTimeIsOnTime() {
            FeedbackAnsweredEvent answered = new FeedbackAnsweredEvent("GY-1", COMMUNE, "Đã trả kết quả",
                                                                       at("2025-07-18T10:00"), at("2025-07-18T10:00"),
                                                                       true);
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả kết quả", at("2025-07-18T10:00")))
                    .expectEvents(answered)
                    .expectResultMessagePayload(answered);
        }

        @Test
        void anAnswerAfterTheDueTimeIsLate() {
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả kết quả", at("2025-07-18T10:01")))
                    .expectEvents(new FeedbackAnsweredEvent("GY-1", COMMUNE, "Đã trả kết quả", at("2025-07-18T10:01"),
                                                            at("2025-07-18T10:00"), false));
        }

        @Test
        void withoutAnAnswerTimeItIsAnsweredNow() {
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả kết quả", null))
                    .expectEvents(new FeedbackAnsweredEvent("GY-1", COMMUNE, "Đã trả kết quả", NOW,
                                                            at("2025-07-18T10:00"), false));
        }

        @Test
        void feedbackIsAnsweredOnce() {
            fixture.given(receivedOnFriday(),
                          new FeedbackAnsweredEvent("GY-1", COMMUNE, "Đã trả", at("2025-07-10T10:00"),
                                                    at("2025-07-18T10:00"), true))
                    .when(new AnswerFeedbackCommand("GY-1", "Lần nữa", at("2025-07-11T10:00")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAnswerBeforeTheReceiptIsARuleViolation() {
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả", at("2025-07-04T09:59")))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void anAnswerInTheFutureOrWithoutTextOrTooLongIsInvalid() {
            for (AnswerFeedbackCommand invalid : new AnswerFeedbackCommand[] {
                    new AnswerFeedbackCommand("GY-1", "Đã trả", at("2025-10-01T10:06")),
                    new AnswerFeedbackCommand("GY-1", "", at("2025-07-10T10:00")),
                    new AnswerFeedbackCommand("GY-1", "x".repeat(4001), at("2025-07-10T10:00"))}) {
                fixture.given(receivedOnFriday())
                        .when(invalid)
                        .expectException(InvalidCommandException.class)
                        .expectNoEvents();
            }
        }

        @Test
        void unknownFeedbackIsNotFound() {
            fixture.givenNoPriorActivity()
                    .when(new AnswerFeedbackCommand("GY-9", "Đã trả", at("2025-07-10T10:00")))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class UnitScoping {

        @Test
        void aClerkReceivesFeedbackAboutItsOwnUnit() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-04T10:00"), actor("CLERK", COMMUNE))
                    .expectEvents(receivedOnFriday());
        }

        @Test
        void aClerkOfAnotherUnitMayNotReceiveFeedbackAboutThisOne() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-04T10:00"), actor("CLERK", WARD))
                    .expectException(ForbiddenCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void onlyTheUnitHeadOfTheUnitItIsAboutAnswersIt() {
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả", at("2025-07-10T10:00")), actor("UNIT_HEAD", WARD))
                    .expectException(ForbiddenCommandException.class)
                    .expectNoEvents();
            fixture.given(receivedOnFriday())
                    .when(new AnswerFeedbackCommand("GY-1", "Đã trả", at("2025-07-10T10:00")),
                          actor("UNIT_HEAD", COMMUNE))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void rolesNotBoundToAUnitAreNotScopedHere() {
            fixture.givenNoPriorActivity()
                    .when(complaint("2025-07-04T10:00"),
                          Map.of(EventMetadata.ACTOR, "system:import", EventMetadata.ACTOR_ROLE, "ADMIN"))
                    .expectEvents(receivedOnFriday());
        }

        @Test
        void theUnitBoundRolesAreTheSecurityModulesUnitBoundRoles() {
            assertThat(Feedback.UNIT_BOUND_ROLES).isEqualTo(Arrays.stream(Role.values()).filter(Role::unitBound)
                                                                  .map(Role::name).collect(Collectors.toSet()));
        }
    }
}
