package vn.province.govtrack.query.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackKind;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.kernel.feedback.FeedbackStatus;
import vn.province.govtrack.query.projection.RebuildScope;
import vn.province.govtrack.query.web.Paging;

/** The feedback projection against a real wire-protocol server, driven the way a tracking processor drives it. */
class FeedbackProjectionTest {

    private static final Instant RECEIVED = Instant.parse("2025-07-04T03:00:00Z");
    private static final Instant DUE = Instant.parse("2025-07-18T03:00:00Z");

    private static MongoClient client;
    private static MongoProperties properties;

    private FeedbackProjection projection;
    private StoredFeedback stored;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestMongo.uri());
        properties = new MongoProperties();
        properties.setDatabase(TestMongo.freshDatabaseName("feedback_projection"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void emptyReadModel() {
        projection = new FeedbackProjection(client, properties, new ObjectMapper().findAndRegisterModules());
        projection.reset(RebuildScope.everything());
        stored = new StoredFeedback(projection);
    }

    private static FeedbackReceivedEvent received(String id, FeedbackKind kind, String unit) {
        return new FeedbackReceivedEvent(id, kind, unit, kind == FeedbackKind.COMPLAINT ? "HS-1" : null, "Chờ lâu",
                                         RECEIVED, DUE);
    }

    private static FeedbackAnsweredEvent answered(String id, String unit, Instant at) {
        return new FeedbackAnsweredEvent(id, unit, "Đã xử lý", at, DUE, !at.isAfter(DUE));
    }

    @Test
    void receivedFeedbackIsOpenUntilAnsweredAndThenCarriesTheRecordedVerdict() {
        projection.on(received("GY-1", FeedbackKind.COMPLAINT, "XA-A"), new GlobalSequenceTrackingToken(3));

        FeedbackView open = stored.feedback("GY-1").orElseThrow();
        assertThat(open).isEqualTo(new FeedbackView("GY-1", FeedbackKind.COMPLAINT, "XA-A", "HS-1", "Chờ lâu", RECEIVED,
                                                    DUE, FeedbackStatus.OPEN, null, null));
        assertThat(open.overdueAt(DUE)).isFalse();
        assertThat(open.overdueAt(DUE.plusSeconds(1))).isTrue();

        Instant late = DUE.plusSeconds(3600);
        projection.on(answered("GY-1", "XA-A", late), new GlobalSequenceTrackingToken(7));

        FeedbackView closed = stored.feedback("GY-1").orElseThrow();
        assertThat(closed.status()).isEqualTo(FeedbackStatus.ANSWERED);
        assertThat(closed.answeredAt()).isEqualTo(late);
        assertThat(closed.onTime()).isFalse();
        assertThat(closed.overdueAt(late.plusSeconds(86_400))).as("answered feedback is never overdue").isFalse();
    }

    @Test
    void aRedeliveredReceiptDoesNotReopenAnsweredFeedback() {
        projection.on(received("GY-2", FeedbackKind.SUGGESTION, "XA-A"), new GlobalSequenceTrackingToken(3));
        projection.on(answered("GY-2", "XA-A", DUE), new GlobalSequenceTrackingToken(4));

        projection.on(received("GY-2", FeedbackKind.SUGGESTION, "XA-A"), new GlobalSequenceTrackingToken(3));
        projection.on(answered("GY-2", "XA-A", DUE), new GlobalSequenceTrackingToken(4));

        FeedbackView view = stored.feedback("GY-2").orElseThrow();
        assertThat(view.status()).isEqualTo(FeedbackStatus.ANSWERED);
        assertThat(view.onTime()).isTrue();
        assertThat(projection.feedback().lastPosition("GY-2")).isEqualTo(4);
    }

    @Test
    void listsAreFilteredByUnitAndStatusAndPagedInIdOrder() {
        projection.on(received("GY-3", FeedbackKind.COMPLAINT, "XA-A"), new GlobalSequenceTrackingToken(1));
        projection.on(received("GY-1", FeedbackKind.COMPLAINT, "XA-A"), new GlobalSequenceTrackingToken(2));
        projection.on(received("GY-2", FeedbackKind.SUGGESTION, "XA-B"), new GlobalSequenceTrackingToken(3));
        projection.on(received("GY-4", FeedbackKind.SUGGESTION, "XA-A"), new GlobalSequenceTrackingToken(4));
        projection.on(answered("GY-4", "XA-A", DUE), new GlobalSequenceTrackingToken(5));

        Paging.Page<FeedbackView> firstOfUnitA = stored.feedback("XA-A", null, Paging.of(0, 2));
        assertThat(firstOfUnitA.total()).isEqualTo(3);
        assertThat(firstOfUnitA.content()).extracting(FeedbackView::feedbackId).containsExactly("GY-1", "GY-3");
        assertThat(stored.feedback("XA-A", null, Paging.of(1, 2)).content()).extracting(FeedbackView::feedbackId)
                .containsExactly("GY-4");
        assertThat(stored.feedback("XA-A", FeedbackStatus.OPEN, Paging.of(0, 10)).content())
                .extracting(FeedbackView::feedbackId).containsExactly("GY-1", "GY-3");
        assertThat(stored.feedback(null, FeedbackStatus.ANSWERED, Paging.of(0, 10)).content())
                .extracting(FeedbackView::feedbackId).containsExactly("GY-4");
        assertThat(stored.feedback(null, null, Paging.of(0, 10)).total()).isEqualTo(4);
        assertThat(stored.feedback("XA-C", null, Paging.of(0, 10)).total()).isZero();
    }

    @Test
    void aRebuildKeepsWhatPrecedesItsScopeAndRemovesTheRest() {
        projection.on(received("GY-5", FeedbackKind.COMPLAINT, "XA-A"), new GlobalSequenceTrackingToken(2));
        projection.on(received("GY-6", FeedbackKind.COMPLAINT, "XA-A"), new GlobalSequenceTrackingToken(8));

        projection.reset(new RebuildScope(5));

        assertThat(stored.feedback("GY-5")).isPresent();
        assertThat(stored.feedback("GY-6")).isEmpty();
    }
}
