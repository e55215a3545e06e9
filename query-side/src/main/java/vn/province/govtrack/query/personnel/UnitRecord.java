package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * A registered unit as the personnel reports name it, with the versions earlier events gave it, so that
 * it can be read as known at any position ({@link #knownAt}).
 *
 * @param dissolvedOn the first day the unit no longer exists; null while no dissolution is recorded
 * @param knownFrom   the position of the event that made this version; null in documents stored before
 *                    versions carried it
 * @param replaced    the earlier versions, oldest first, each with the position that replaced it
 */
record UnitRecord(String code, String name, UnitKind kind, LocalDate dissolvedOn, Long knownFrom,
                  List<Version> replaced) {

    UnitRecord {
        replaced = replaced == null ? List.of() : List.copyOf(replaced);
    }

    UnitRecord(String code, String name, UnitKind kind) {
        this(code, name, kind, null);
    }

    UnitRecord(String code, String name, UnitKind kind, LocalDate dissolvedOn) {
        this(code, name, kind, dissolvedOn, null, List.of());
    }

    /** A unit as registered by the event at {@code position}. */
    static UnitRecord registered(String code, String name, UnitKind kind, long position) {
        return new UnitRecord(code, name, kind, null, position, List.of());
    }

    /** This unit as the event at {@code position} renames or re-kinds it; this version becomes a replaced one. */
    UnitRecord registeredAgain(String name, UnitKind kind, long position) {
        return next(name, kind, dissolvedOn, position);
    }

    /** This unit as the event at {@code position} dissolves it from {@code day} on. */
    UnitRecord dissolvedFrom(LocalDate day, long position) {
        return next(name, kind, day, position);
    }

    private UnitRecord next(String name, UnitKind kind, LocalDate dissolvedOn, long position) {
        List<Version> versions = new ArrayList<>(replaced);
        versions.add(new Version(this.name, this.kind, this.dissolvedOn, knownFrom, position));
        return new UnitRecord(code, name, kind, dissolvedOn, position, versions);
    }

    /** Whether the unit is dissolved on {@code day}. */
    boolean dissolvedOn(LocalDate day) {
        return dissolvedOn != null && !day.isBefore(dissolvedOn);
    }

    /**
     * The unit as the events up to {@code position} left it; empty when none of them registered it.
     *
     * @param storedPosition the document's last position, taken as the recording position of a version
     *                       stored before versions carried theirs
     */
    Optional<UnitRecord> knownAt(long position, long storedPosition) {
        if ((knownFrom == null ? storedPosition : knownFrom) <= position) {
            return Optional.of(this);
        }
        for (int i = replaced.size() - 1; i >= 0; i--) {
            Version version = replaced.get(i);
            long from = version.knownFrom() == null ? storedPosition : version.knownFrom();
            if (from <= position && position < version.knownTo()) {
                return Optional.of(new UnitRecord(code, version.name(), version.kind(), version.dissolvedOn(),
                                                  version.knownFrom(), List.of()));
            }
        }
        return Optional.empty();
    }

    /** A replaced version: as it was from {@code knownFrom} (null if unknown) until the event at {@code knownTo}. */
    record Version(String name, UnitKind kind, LocalDate dissolvedOn, Long knownFrom, long knownTo) {
    }
}
