package vn.province.govtrack.query.timeliness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What the timeliness report needs to know about one received dossier, for any period: its
 * receipt, the dated history of the unit holding it, of its appointment date and of its clock's
 * pauses, and the end of its processing with the verdict recorded then. Immutable; a new fact
 * comes only from {@link TimelinessFold#evolve}.
 *
 * <p>Each history is in time order and starts at receipt; an entry holds from its {@code from}
 * instant until the next entry's.
 *
 * @param holdings       the unit holding the dossier: the receiving unit, then one entry per transfer
 * @param deadlines      the appointment date in force: the one set at receipt, then one entry per
 *                       supplement supplied and per extension
 * @param pauses         supplement requests: paused from the request until the supplement came
 *                       ({@code until} null while it has not)
 * @param endedAt        the end of processing: the first of resolution, return and stop; null while open
 * @param endedAs        RESOLVED, RETURNED or STOPPED; null while open
 * @param verdict        recorded by the resolution or stop that ended processing; null while open, and
 *                       for the (unexpected) end by a return without a resolution
 * @param processingDays recorded with the verdict
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"dossierId", "procedureCode", "field", "unitCode", "receivedAt", "dueAt", "transfers",
                    "dueChanges", "pauses"})
record DossierFact(String dossierId, String procedureCode, String field, Instant receivedAt,
                   @JsonIgnore List<Holding> holdings, @JsonIgnore List<Deadline> deadlines, List<Pause> pauses,
                   Instant endedAt, DossierStatus endedAs, Timeliness verdict, Double processingDays) {

    DossierFact {
        holdings = List.copyOf(holdings);
        deadlines = List.copyOf(deadlines);
        pauses = List.copyOf(pauses);
    }

    record Holding(@JsonProperty("at") Instant from, String unitCode) {
    }

    record Deadline(@JsonProperty("at") Instant from, Instant dueAt) {
    }

    /*
     * The stored form, mapped by Jackson through the properties below, is as small as the common case
     * allows, because every instance loads every fact at start: the receipt's unit and due date are flat
     * fields, and transfers, due date changes and pauses appear only when there was one; the end's
     * fields only once processing ended.
     */

    @JsonCreator
    static DossierFact stored(@JsonProperty("dossierId") String dossierId,
                              @JsonProperty("procedureCode") String procedureCode,
                              @JsonProperty("field") String field, @JsonProperty("unitCode") String unitCode,
                              @JsonProperty("receivedAt") Instant receivedAt, @JsonProperty("dueAt") Instant dueAt,
                              @JsonProperty("transfers") List<Holding> transfers,
                              @JsonProperty("dueChanges") List<Deadline> dueChanges,
                              @JsonProperty("pauses") List<Pause> pauses, @JsonProperty("endedAt") Instant endedAt,
                              @JsonProperty("endedAs") DossierStatus endedAs,
                              @JsonProperty("verdict") Timeliness verdict,
                              @JsonProperty("processingDays") Double processingDays) {
        List<Holding> holdings = new ArrayList<>();
        holdings.add(new Holding(receivedAt, unitCode));
        holdings.addAll(transfers == null ? List.of() : transfers);
        List<Deadline> deadlines = new ArrayList<>();
        deadlines.add(new Deadline(receivedAt, dueAt));
        deadlines.addAll(dueChanges == null ? List.of() : dueChanges);
        return new DossierFact(dossierId, procedureCode, field, receivedAt, holdings, deadlines,
                pauses == null ? List.of() : pauses, endedAt, endedAs, verdict, processingDays);
    }

    @JsonProperty("unitCode")
    private String storedUnitCode() {
        return receivingUnit();
    }

    @JsonProperty("dueAt")
    private Instant storedDueAt() {
        return deadlines.get(0).dueAt();
    }

    @JsonProperty("transfers")
    private List<Holding> storedTransfers() {
        return holdings.subList(1, holdings.size());
    }

    @JsonProperty("dueChanges")
    private List<Deadline> storedDueChanges() {
        return deadlines.subList(1, deadlines.size());
    }

    record Pause(Instant from, Instant until) {
    }

    boolean ended() {
        return endedAt != null;
    }

    /** The unit that received the dossier. */
    String receivingUnit() {
        return holdings.get(0).unitCode();
    }

    /** The unit holding the dossier at {@code instant}, a transfer at that instant included (the receiving unit before receipt). */
    String unitAt(Instant instant) {
        String unit = receivingUnit();
        for (Holding holding : holdings) {
            if (!holding.from().isAfter(instant)) {
                unit = holding.unitCode();
            }
        }
        return unit;
    }

    /** The unit holding the dossier just before {@code instant}: after every transfer before it. */
    String unitBefore(Instant instant) {
        String unit = receivingUnit();
        for (Holding holding : holdings) {
            if (holding.from().isBefore(instant)) {
                unit = holding.unitCode();
            }
        }
        return unit;
    }

    /** The appointment date in force just before {@code instant}. */
    Instant dueBefore(Instant instant) {
        Instant dueAt = deadlines.get(0).dueAt();
        for (Deadline deadline : deadlines) {
            if (deadline.from().isBefore(instant)) {
                dueAt = deadline.dueAt();
            }
        }
        return dueAt;
    }

    /** Whether the clock stood still just before {@code instant}: a supplement requested before it had not come by then. */
    boolean pausedBefore(Instant instant) {
        for (Pause pause : pauses) {
            if (pause.from().isBefore(instant) && (pause.until() == null || !pause.until().isBefore(instant))) {
                return true;
            }
        }
        return false;
    }

    DossierFact transferredTo(String unitCode, Instant at) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, append(holdings, new Holding(at, unitCode)),
                deadlines, pauses, endedAt, endedAs, verdict, processingDays);
    }

    DossierFact dueFrom(Instant from, Instant dueAt) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, holdings,
                append(deadlines, new Deadline(from, dueAt)), pauses, endedAt, endedAs, verdict, processingDays);
    }

    DossierFact pausedFrom(Instant from) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, holdings, deadlines,
                append(pauses, new Pause(from, null)), endedAt, endedAs, verdict, processingDays);
    }

    /** Closes the pause still open, if any. */
    DossierFact resumedAt(Instant at) {
        List<Pause> closed = new ArrayList<>(pauses);
        int last = closed.size() - 1;
        if (last >= 0 && closed.get(last).until() == null) {
            closed.set(last, new Pause(closed.get(last).from(), at));
        }
        return new DossierFact(dossierId, procedureCode, field, receivedAt, holdings, deadlines, closed, endedAt,
                endedAs, verdict, processingDays);
    }

    DossierFact endedAt(Instant at, DossierStatus as, Timeliness judged, Double days) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, holdings, deadlines, pauses, at, as,
                judged, days);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(element);
        return longer;
    }
}
