package vn.province.govtrack.query.projection;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This query-side instance as the shared store names it: the owner of its token claims, and the taker of
 * the rebuild requests it carries out ({@link RebuildLog}). The process's name (pid@host) for operators,
 * made unique per application context, so that two contexts in one JVM claim like two processes.
 */
public record QueryInstance(String id) {

    static QueryInstance ofThisProcess() {
        return new QueryInstance(ManagementFactory.getRuntimeMXBean().getName() + "/"
                                 + UUID.randomUUID().toString().substring(0, 8));
    }
}
