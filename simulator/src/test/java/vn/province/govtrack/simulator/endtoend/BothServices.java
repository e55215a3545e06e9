package vn.province.govtrack.simulator.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import vn.province.govtrack.embeddedmongo.TestMongo;
import vn.province.govtrack.simulator.benchmark.Product;

/**
 * Both services, started from their packaged jars as separate processes on one MongoDB (TestMongo:
 * {@code MONGODB_URI}, or an in-memory wire-protocol server), each on a free port, in the local
 * profile as {@code ./run} starts them, with small heaps.
 */
final class BothServices {

    private BothServices() {
    }

    /** @param database a fresh database's name prefix; the logs go to {@code target/<logs>} */
    static Product start(String database, String logs) {
        Path repository = Path.of(System.getProperty("govtrack.repository", ".."));
        return Product.startServices(repository, TestMongo.uri(), TestMongo.freshDatabaseName(database),
                                     new Product.Ports(0, freePort(), freePort()),
                                     List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), Path.of("target", logs));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
