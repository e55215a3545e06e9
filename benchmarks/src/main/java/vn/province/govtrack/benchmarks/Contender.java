package vn.province.govtrack.benchmarks;

import org.axonframework.serialization.Serializer;

import com.mongodb.client.MongoDatabase;

/**
 * One way of storing and replaying the workload. A trial gets a fresh database; preparing it
 * (engine, indexes, materializing the messages) is not timed, {@link Trial#appendAll()} and
 * {@link Trial#replayAll()} are.
 */
interface Contender {

    /** Short stable name, used in the results file. */
    String key();

    /** What the reader of the table sees. */
    String label();

    /** Rows that explain a gap rather than answer the question; shown apart from the main comparison. */
    default boolean diagnostic() {
        return false;
    }

    Trial prepare(MongoDatabase database, Workload workload, Serializer serializer, int batchSize);

    interface Trial {

        /** Appends every commit of the workload, one call per commit. */
        void appendAll();

        /**
         * Reads every stored event back in position order, consuming each (payload deserialized
         * where the contender deserializes), and answers how many it read.
         */
        long replayAll();
    }
}
