package vn.province.govtrack.eventstore;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers (of events, commands, every message) as time-ordered UUIDs of version 7 (RFC 9562):
 * 48 bits of Unix milliseconds, then 12 bits that count up within a millisecond on this JVM, then 62
 * random bits. Each event's identifier is a key of the store's unique index ({@code "~id:<id>"}, ADR
 * 0001); random identifiers land all over that index, so a commit of a thousand events rewrote about a
 * thousand of its pages (on the embedded server each a file write), while identifiers that grow with
 * time land at its end, on a few. Uniqueness rests on the random bits, as with Axon's default random
 * UUIDs; nothing relies on identifiers being unpredictable. Installed for the whole JVM through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public class TimeOrderedIdentifierFactory extends IdentifierFactory {

    /** The last timestamp and counter handed out, as {@code millis << 12 | counter}. */
    private final AtomicLong last = new AtomicLong();

    @Override
    public String generateIdentifier() {
        long next = last.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis() << 12));
        long millis = next >>> 12;
        long counter = next & 0xFFF;
        long mostSignificant = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long leastSignificant = ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }
}
