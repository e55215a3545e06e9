package vn.province.govtrack.query.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * The staffing review as known at a position is the review of a projection that folded only the events up
 * to it: for random histories of units (registered, renamed, dissolved), quotas and staff (recruited,
 * transferred, seconded, secondments ended early, departed, many of them backdated), one projection folds
 * every event and answers as known at each position P, while another, fed event by event, answers from
 * what it has folded when it has folded P. Both are the real projection and queries, on fresh databases of
 * a real wire-protocol server. Each case is a seed; a failure names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffingKnownAtPropertyTest {

    private static final List<LocalDate> DAYS = List.of(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-03-01"),
            LocalDate.parse("2025-06-15"), LocalDate.parse("2025-09-01"), LocalDate.parse("2025-12-31"));

    private MongoClient client;

    @BeforeAll
    void connect() {
        client = MongoClients.create(TestMongo.uri());
    }

    @AfterAll
    void disconnect() {
        client.close();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 5).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_review_as_known_at_each_position_is_the_review_of_the_events_up_to_it(long seed) {
        List<Object> history = RandomPersonnelHistory.of(new Random(seed), 4, 8, 70);
        Reviews everything = reviews("known_at_all");
        for (int i = 0; i < history.size(); i++) {
            everything.fold(history.get(i), i + 1);
        }
        Reviews prefix = reviews("known_at_prefix");
        for (int i = 0; i < history.size(); i++) {
            long position = i + 1;
            prefix.fold(history.get(i), position);
            for (LocalDate day : DAYS) {
                assertThat(everything.personnel.staffing(day, null, OptionalLong.of(position)))
                        .as("seed %d, known at %d (%s), on %s", seed, position, history.get(i), day)
                        .isEqualTo(prefix.personnel.staffing(day, null, OptionalLong.empty()));
            }
        }
        for (LocalDate day : DAYS) {
            assertThat(everything.personnel.staffing(day, null, OptionalLong.of(history.size())))
                    .as("known at the last position, the review is the current one")
                    .isEqualTo(everything.personnel.staffing(day, null, OptionalLong.empty()));
        }
    }

    private Reviews reviews(String name) {
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName(name));
        PersonnelProjection projection = new PersonnelProjection(client, properties,
                                                                 new ObjectMapper().findAndRegisterModules());
        return new Reviews(projection, new StoredPersonnel(projection, client, properties));
    }

    private record Reviews(PersonnelProjection projection, StoredPersonnel personnel) {

        void fold(Object event, long position) {
            GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
            if (event instanceof StaffEvent staff) {
                projection.on(staff, token, Instant.EPOCH.plusSeconds(position), "hr");
            } else if (event instanceof StaffingQuotaSetEvent quota) {
                projection.on(quota, token);
            } else if (event instanceof UnitRegisteredEvent unit) {
                projection.on(unit, token);
            } else if (event instanceof UnitDissolvedEvent unit) {
                projection.on(unit, token);
            } else {
                throw new IllegalArgumentException("not a personnel event: " + event);
            }
        }
    }
}
