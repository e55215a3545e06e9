package vn.province.govtrack.personaldata;

import java.time.Instant;

import vn.province.govtrack.kernel.dossier.Applicant;

/** What a sealed applicant reveals when opened now. */
public sealed interface Disclosure {

    /** The key lives and the record opened. */
    record Clear(Applicant applicant) implements Disclosure {
    }

    /** The applicant's data was erased: the key was destroyed at {@code erasedAt}. */
    record Erased(Instant erasedAt) implements Disclosure {
    }

    /** The record cannot be read: its key is unknown to the store, or it does not open under its key. */
    record Unreadable() implements Disclosure {
    }
}
