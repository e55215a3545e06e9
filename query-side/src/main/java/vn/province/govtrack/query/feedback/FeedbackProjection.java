package vn.province.govtrack.query.feedback;

import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;

import org.bson.Document;

import vn.province.govtrack.kernel.feedback.FeedbackAnsweredEvent;
import vn.province.govtrack.kernel.feedback.FeedbackReceivedEvent;
import vn.province.govtrack.query.projection.ReadModelStore;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps {@value #COLLECTION}, one record per piece of feedback, for {@code GET /feedback} and
 * {@code GET /feedback/{id}}, in the "feedback" processing group (one segment, see application.yml). Every
 * write goes through {@link ReadModelStore#apply}, which ignores an event the record already reflects, so
 * redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(FeedbackProjection.PROCESSING_GROUP)
class FeedbackProjection {

    static final String PROCESSING_GROUP = "feedback";
    static final String COLLECTION = "feedback_view";

    private final ReadModelStore<FeedbackView> feedback;

    FeedbackProjection(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper) {
        MongoCollection<Document> collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase())
                                                          .getCollection(COLLECTION);
        // the lists' filters: a unit's feedback, in id order (creating an existing index is a no-op)
        collection.createIndex(Indexes.ascending("unitCode", ReadModelStore.ID));
        this.feedback = new ReadModelStore<>(collection, objectMapper, FeedbackView.class, "feedbackId",
                                             view -> Map.of(), written -> { });
    }

    ReadModelStore<FeedbackView> feedback() {
        return feedback;
    }

    @EventHandler
    void on(FeedbackReceivedEvent event, TrackingToken token) {
        feedback.apply(event.feedbackId(), ReadModelStore.positionOf(token), stored -> FeedbackView.received(event));
    }

    @EventHandler
    void on(FeedbackAnsweredEvent event, TrackingToken token) {
        // an answer follows its receipt in the same stream, so the record is there
        feedback.apply(event.feedbackId(), ReadModelStore.positionOf(token),
                       stored -> stored == null ? null : stored.answered(event));
    }

    /** A rebuild removes the records it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        feedback.removeTouchedAfter(scope.keptUpTo());
    }
}
