package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.eq;

import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * How many times each projection has been rebuilt, in the shared {@code projection_rebuilds}
 * collection: what every query-side instance reads to learn of a rebuild made on another, such as
 * the timeliness index, which loads the timeliness facts at start and must follow when they are
 * recomputed.
 *
 * <p>A rebuild is recorded after its processor's tokens have been reset, so an instance that reads
 * the count and then the processor's token sees either the reset token, or a count that a later
 * reading will find increased.
 */
@Component
public class RebuildLog {

    static final String COLLECTION = "projection_rebuilds";
    private static final String REBUILDS = "rebuilds";

    private final MongoCollection<Document> rebuilds;

    RebuildLog(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.rebuilds = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
    }

    /** Records one more rebuild of {@code processorName}; returns how many there have been. */
    public long record(String processorName) {
        Document counted = rebuilds.findOneAndUpdate(eq("_id", processorName), Updates.inc(REBUILDS, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counted.get(REBUILDS, Number.class).longValue();
    }

    /** How many rebuilds of {@code processorName} have been recorded; 0 for none. */
    public long count(String processorName) {
        Document counted = rebuilds.find(eq("_id", processorName)).first();
        return counted == null ? 0 : counted.get(REBUILDS, Number.class).longValue();
    }
}
