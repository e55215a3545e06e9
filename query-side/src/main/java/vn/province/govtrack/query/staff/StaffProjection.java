package vn.province.govtrack.query.staff;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;

import vn.province.govtrack.kernel.EventMetadata;
import vn.province.govtrack.kernel.staff.StaffEvent;
import vn.province.govtrack.query.projection.RebuildScope;

/**
 * Keeps {@value #COLLECTION}, one record per staff member, for {@code GET /staff/{id}} and its history,
 * in the "staff" processing group (one segment, see application.yml). Every write goes through
 * {@link StaffRecords#apply}, idempotent per event position, so redelivery or a replay over existing
 * documents changes nothing.
 */
@Component
@ProcessingGroup(StaffProjection.PROCESSING_GROUP)
class StaffProjection {

    static final String PROCESSING_GROUP = "staff";
    static final String COLLECTION = "staff_view";

    private final StaffRecords records;

    StaffProjection(MongoClient mongoClient, MongoProperties mongoProperties, ObjectMapper objectMapper) {
        this.records = new StaffRecords(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()), COLLECTION,
                                        objectMapper);
    }

    StaffRecords records() {
        return records;
    }

    @EventHandler
    void on(StaffEvent event, TrackingToken token, @Timestamp Instant at,
            @MetaDataValue(EventMetadata.ACTOR) String actor) {
        records.apply(event.staffId(), event, StaffRecords.recorded(token, at, actor));
    }

    /** A rebuild removes the records it recomputes (see {@link RebuildScope}); the replay then writes them anew. */
    @ResetHandler
    void reset(RebuildScope scope) {
        records.removeTouchedAfter(scope.keptUpTo());
    }
}
