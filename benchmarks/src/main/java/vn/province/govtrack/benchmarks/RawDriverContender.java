package vn.province.govtrack.benchmarks;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.axonframework.serialization.Serializer;
import org.bson.Document;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;

/**
 * The baseline: {@code mongodb-driver-sync} alone writing documents of exactly our commit shape
 * ({@code _id} = first position, {@code last}, {@code committedAt}, {@code streams} under the
 * same unique multikey index, {@code events} with the JSON text of payload and metadata, which
 * is serialized before the clock starts) and reading them back in position order. No Axon, no
 * Jackson, no message objects; same write and read concern as our engine.
 *
 * <p>{@link #baseline()} is the plain way: positions from a local counter (a single writer
 * needs nothing else), one {@code insertOne} per commit, and replay as one cursor over
 * {@code find().sort({_id: 1})}. {@link #withOurAccessPattern()} issues exactly the database
 * calls of our engine instead: the same single insert per commit at the head (our engine sends
 * the commits that wait together as one ordered {@code insertMany}; a single writer never has
 * more than one waiting), and replay by {@code _id $in} windows of batch-size positions, which
 * is how our engine sees a position that is missing. The gap between the two is what that
 * access pattern costs and the rest of our gap is Axon, Jackson and mapping.
 */
final class RawDriverContender implements Contender {

    private final boolean ourAccessPattern;

    private RawDriverContender(boolean ourAccessPattern) {
        this.ourAccessPattern = ourAccessPattern;
    }

    static RawDriverContender baseline() {
        return new RawDriverContender(false);
    }

    static RawDriverContender withOurAccessPattern() {
        return new RawDriverContender(true);
    }

    @Override
    public String key() {
        return ourAccessPattern ? "raw-our-pattern" : "raw";
    }

    @Override
    public String label() {
        return ourAccessPattern ? "raw driver, our DB calls" : "raw driver";
    }

    @Override
    public boolean diagnostic() {
        return ourAccessPattern;
    }

    @Override
    public Trial prepare(MongoDatabase database, Workload workload, Serializer serializer, int batchSize) {
        MongoCollection<Document> commits = database.getCollection("events")
                                                    .withWriteConcern(WriteConcern.MAJORITY)
                                                    .withReadConcern(ReadConcern.MAJORITY);
        commits.createIndex(Indexes.ascending("streams"), new IndexOptions().unique(true).name("unique_stream_sequence"));
        List<List<Workload.EventRecord>> records = workload.records(serializer);
        return new Trial() {
            @Override
            public void appendAll() {
                long next = 1;
                for (List<Workload.EventRecord> commit : records) {
                    if (ourAccessPattern) {
                        commits.insertMany(List.of(commitDocument(next, commit)), new InsertManyOptions().ordered(true));
                    } else {
                        commits.insertOne(commitDocument(next, commit));
                    }
                    next += commit.size();
                }
            }

            @Override
            public long replayAll() {
                return ourAccessPattern ? readByWindows(commits, Math.max(batchSize, 16)) : readByCursor(commits);
            }
        };
    }

    private static Document commitDocument(long first, List<Workload.EventRecord> commit) {
        Set<String> streams = new LinkedHashSet<>();
        streams.add("~pos:" + first);
        List<Document> events = new ArrayList<>(commit.size());
        for (Workload.EventRecord e : commit) {
            streams.add(e.aggregateId() + '#' + e.seq());
            events.add(new Document("id", e.id())
                               .append("agg", e.aggregateId())
                               .append("aggType", Workload.AGGREGATE_TYPE)
                               .append("seq", e.seq())
                               .append("type", e.type())
                               .append("rev", e.revision())
                               .append("ts", e.timestamp())
                               .append("payload", e.payload())
                               .append("meta", e.metaData()));
        }
        return new Document("_id", first)
                .append("last", first + commit.size() - 1)
                .append("committedAt", new Date())
                .append("streams", new ArrayList<>(streams))
                .append("events", events);
    }

    private static long readByCursor(MongoCollection<Document> commits) {
        long events = 0;
        for (Document commit : commits.find().sort(Indexes.ascending("_id"))) {
            events += consume(commit);
        }
        return events;
    }

    private static long readByWindows(MongoCollection<Document> commits, int window) {
        long events = 0;
        long expected = 1;
        while (true) {
            List<Long> ids = LongStream.range(expected, expected + window).boxed().toList();
            Map<Long, Document> byId = new HashMap<>();
            for (Document doc : commits.find(in("_id", ids))) {
                byId.put(doc.getLong("_id"), doc);
            }
            long before = expected;
            while (byId.containsKey(expected)) {
                Document commit = byId.get(expected);
                events += consume(commit);
                expected = commit.getLong("last") + 1;
            }
            if (expected == before) {
                return events;
            }
        }
    }

    /** Reads every field of every event, as a mapping layer would; answers the number of events. */
    private static int consume(Document commit) {
        List<Document> events = commit.getList("events", Document.class);
        int characters = 0;
        for (Document e : events) {
            characters += e.getString("id").length() + e.getString("agg").length() + e.getString("type").length()
                    + e.getString("rev").length() + e.getString("ts").length() + e.getString("payload").length()
                    + e.getString("meta").length() + (int) e.getLong("seq").longValue();
        }
        Blackhole.consume(characters);
        return events.size();
    }
}
