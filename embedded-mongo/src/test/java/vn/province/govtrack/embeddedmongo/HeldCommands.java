package vn.province.govtrack.embeddedmongo;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the tests that hold a command of {@link DurableH2Backend} at one of its seams share. */
final class HeldCommands {

    private HeldCommands() {
    }

    /** Holds the calling command until {@code latch} opens, at most 30 s (a seam's action cannot throw). */
    static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The connection string of a server bound at {@code address}. */
    static String uri(InetSocketAddress address) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
}
