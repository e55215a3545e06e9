package vn.province.govtrack.command.staff;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;

/**
 * The command side's own lookup of secondments not yet ended, in {@value #COLLECTION}, so that the
 * expiry scheduler need not scan the event log. Kept by the tracking processor {@value #PROCESSING_GROUP}
 * (one segment; its token lives in the shared token store, so with several command-side instances
 * one of them keeps the lookup and all of them read it).
 *
 * <p>It only nominates candidates: an entry may lag behind the log or outlive its secondment for a
 * moment, which costs at most a command that appends nothing. Whether a secondment ends is decided
 * by the staff member's aggregate alone. Writes are idempotent: the insert is an upsert keyed by
 * staff id and secondment number, the removal a delete by that key; events arrive in log order, so
 * a redelivered batch ends in the same state.
 */
@Component
@ProcessingGroup(ActiveSecondments.PROCESSING_GROUP)
class ActiveSecondments {

    static final String PROCESSING_GROUP = "command-active-secondments";
    static final String COLLECTION = "command_active_secondments";

    private final MongoCollection<Document> collection;

    ActiveSecondments(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.collection = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
    }

    @EventHandler
    void on(StaffSecondedEvent event) {
        collection.replaceOne(eq("_id", key(event.staffId(), event.secondmentNo())),
                              new Document("_id", key(event.staffId(), event.secondmentNo()))
                                      .append("staffId", event.staffId())
                                      .append("secondmentNo", event.secondmentNo())
                                      .append("until", event.until().toString()),
                              new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(SecondmentEndedEvent event) {
        collection.deleteOne(eq("_id", key(event.staffId(), event.secondmentNo())));
    }

    @ResetHandler
    void reset() {
        collection.deleteMany(new Document());
    }

    /** Staff ids with a secondment not yet ended whose last day is before {@code today}, each once. */
    List<String> staffWithSecondmentsEndingBefore(LocalDate today) {
        // ISO dates of four-digit years (the aggregate accepts no others) sort as text in date order
        List<String> staffIds = new ArrayList<>();
        for (Document entry : collection.find(lt("until", today.toString()))) {
            String staffId = entry.getString("staffId");
            if (!staffIds.contains(staffId)) {
                staffIds.add(staffId);
            }
        }
        return staffIds;
    }

    private static String key(String staffId, int secondmentNo) {
        return staffId + "#" + secondmentNo;
    }
}
