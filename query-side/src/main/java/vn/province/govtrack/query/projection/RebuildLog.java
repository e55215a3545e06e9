package vn.province.govtrack.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The rebuilds of each projection, in the shared {@code projection_rebuilds} collection (one document
 * per processor): the rebuild asked for and not yet carried out, if any, and how many have been carried
 * out. Every query-side instance reads it: the one that holds a projection's segment to find the
 * rebuild asked of any instance, and each instance to learn of a rebuild made on another, such as the
 * timeliness index, which loads the timeliness facts at start and must follow when they are recomputed.
 *
 * <p>A request goes from pending to taken by one instance ({@link #take}, atomic, so two instances never
 * both carry it out) to carried out ({@link #record}, which removes it and counts the rebuild in one
 * write). A rebuild is recorded after its processor's tokens have been reset, so an instance that reads
 * the count and then the processor's token sees either the reset token, or a count that a later reading
 * will find increased.
 */
@Component
public class RebuildLog {

    static final String COLLECTION = "projection_rebuilds";
    private static final String REBUILDS = "rebuilds";
    private static final String REQUEST = "request";

    private final MongoCollection<Document> rebuilds;

    public RebuildLog(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.rebuilds = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()).getCollection(COLLECTION);
    }

    /**
     * A rebuild asked for and not yet carried out.
     *
     * @param id          tells this request from a later one of the same processor
     * @param keptUpTo    the {@link RebuildScope} it asks for
     * @param addressedTo the one instance that may carry it out, for a processor whose tokens that instance
     *                    keeps in its memory; null for a shared processor: whichever instance holds it
     * @param takenBy     the instance carrying it out; null while pending
     * @param takenAt     when it was taken; null while pending
     */
    public record Request(String processorName, String id, long keptUpTo, Instant requestedAt, String addressedTo,
                          String takenBy, Instant takenAt) {

        public boolean pending() {
            return takenBy == null;
        }
    }

    /**
     * Records a rebuild of {@code processorName} as asked for, unless one is already pending or taken.
     *
     * @return whether it was recorded
     */
    public boolean request(String processorName, RebuildScope scope, Instant requestedAt, String addressedTo) {
        rebuilds.updateOne(eq("_id", processorName), Updates.setOnInsert(REBUILDS, 0L),
                new UpdateOptions().upsert(true));
        Document request = new Document("id", UUID.randomUUID().toString())
                .append("keptUpTo", scope.keptUpTo())
                .append("requestedAt", Date.from(requestedAt))
                .append("addressedTo", addressedTo);
        return rebuilds.updateOne(and(eq("_id", processorName), exists(REQUEST, false)), Updates.set(REQUEST, request))
                       .getModifiedCount() == 1;
    }

    /** The request of {@code processorName} not yet carried out, if any. */
    public Optional<Request> request(String processorName) {
        return Optional.ofNullable(rebuilds.find(and(eq("_id", processorName), exists(REQUEST))).first())
                       .map(RebuildLog::requestIn);
    }

    /** Every request not yet carried out. */
    public List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        rebuilds.find(exists(REQUEST)).forEach(document -> requests.add(requestIn(document)));
        return requests;
    }

    /**
     * Takes {@code seen} for {@code taker}, if it is still as it was read: pending, or taken by the same
     * instance at the same moment. Of several instances taking one request, one succeeds.
     */
    public Optional<Request> take(Request seen, String taker, Instant at) {
        Bson asSeen = and(eq("_id", seen.processorName()), eq(REQUEST + ".id", seen.id()),
                          eq(REQUEST + ".takenBy", seen.takenBy()),
                          eq(REQUEST + ".takenAt", seen.takenAt() == null ? null : Date.from(seen.takenAt())));
        Document taken = rebuilds.findOneAndUpdate(asSeen,
                Updates.combine(Updates.set(REQUEST + ".takenBy", taker), Updates.set(REQUEST + ".takenAt", Date.from(at))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(taken).map(RebuildLog::requestIn);
    }

    /** Makes {@code taken} pending again, if {@code taker} still has it: it was not carried out. */
    public void release(Request taken, String taker) {
        rebuilds.updateOne(and(eq("_id", taken.processorName()), eq(REQUEST + ".id", taken.id()),
                               eq(REQUEST + ".takenBy", taker)),
                Updates.combine(Updates.unset(REQUEST + ".takenBy"), Updates.unset(REQUEST + ".takenAt")));
    }

    /**
     * Keeps {@code taken} taken by {@code taker}, as of {@code at}, while it is being carried out, so that
     * no other instance takes it over as left behind ({@code taken-timeout}).
     *
     * @return the request as now taken; empty if {@code taker} no longer has it
     */
    public Optional<Request> stillTaken(Request taken, String taker, Instant at) {
        Document refreshed = rebuilds.findOneAndUpdate(
                and(eq("_id", taken.processorName()), eq(REQUEST + ".id", taken.id()), eq(REQUEST + ".takenBy", taker)),
                Updates.set(REQUEST + ".takenAt", Date.from(at)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(refreshed).map(RebuildLog::requestIn);
    }

    /**
     * Records one more rebuild of the processor, {@code carriedOut}'s, and removes that request, if it is
     * still there (and never a later one). A request no longer there was recorded by the instance that took
     * it over: it is not counted twice. Returns how many rebuilds there have been.
     */
    public long record(Request carriedOut) {
        Document counted = rebuilds.findOneAndUpdate(
                and(eq("_id", carriedOut.processorName()), eq(REQUEST + ".id", carriedOut.id())),
                Updates.combine(Updates.inc(REBUILDS, 1L), Updates.unset(REQUEST)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return counted == null ? count(carriedOut.processorName()) : counted.get(REBUILDS, Number.class).longValue();
    }

    /**
     * Records one more rebuild of {@code processorName} that no request asked for, or a change of its
     * documents that what follows them must take as one; returns how many rebuilds there have been.
     */
    public long record(String processorName) {
        Document counted = rebuilds.findOneAndUpdate(eq("_id", processorName), Updates.inc(REBUILDS, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counted.get(REBUILDS, Number.class).longValue();
    }

    /** How many rebuilds of {@code processorName} have been recorded; 0 for none. */
    public long count(String processorName) {
        Document counted = rebuilds.find(eq("_id", processorName)).first();
        Number count = counted == null ? null : counted.get(REBUILDS, Number.class);
        return count == null ? 0 : count.longValue();
    }

    private static Request requestIn(Document document) {
        Document request = document.get(REQUEST, Document.class);
        Date takenAt = request.getDate("takenAt");
        return new Request(document.getString("_id"), request.getString("id"),
                           request.get("keptUpTo", Number.class).longValue(), request.getDate("requestedAt").toInstant(),
                           request.getString("addressedTo"), request.getString("takenBy"),
                           takenAt == null ? null : takenAt.toInstant());
    }
}
