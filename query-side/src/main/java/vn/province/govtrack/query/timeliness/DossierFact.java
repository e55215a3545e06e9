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
 * <p>The fact is bitemporal: beside the business instants the events state, every element keeps the
 * global position of the event that recorded it, so that {@link #asKnownAt} gives the fact as the
 * store knew it at any earlier position. Positions grow in the order the elements were added.
 *
 * @param receivedPosition the position of the receipt that started this fact
 * @param holdings         the unit holding the dossier: the receiving unit, then one entry per transfer
 * @param deadlines        the appointment date in force: the one set at receipt, then one entry per
 *                         supplement supplied and per extension
 * @param pauses           supplement requests: paused from the request until the supplement came
 *                         ({@code until} null while it has not)
 * @param endedAt          the end of processing: the first of resolution, return and stop; null while open
 * @param endedAs          RESOLVED, RETURNED or STOPPED; null while open
 * @param verdict          recorded by the resolution or stop that ended processing; null while open, and
 *                         for the (unexpected) end by a return without a resolution
 * @param processingDays   recorded with the verdict
 * @param endedPosition    the position of the event that ended processing; 0 while open
 * @param replaced         the fact a receipt recorded again replaced, as it was then; null for the
 *                         first receipt
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"dossierId", "procedureCode", "field", "unitCode", "receivedAt", "dueAt", "receivedPosition",
                    "transfers", "dueChanges", "pauses"})
record DossierFact(String dossierId, String procedureCode, String field, Instant receivedAt,
                   long receivedPosition, @JsonIgnore List<Holding> holdings,
                   @JsonIgnore List<Deadline> deadlines, List<Pause> pauses, Instant endedAt, DossierStatus endedAs,
                   Timeliness verdict, Double processingDays,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) long endedPosition, DossierFact replaced) {

    /** The position of an element stored before positions were: {@link #recordedBy} says which it is. */
    static final long UNRECORDED = 0;

    DossierFact {
        holdings = List.copyOf(holdings);
        deadlines = List.copyOf(deadlines);
        pauses = List.copyOf(pauses);
    }

    /** @param position the position of the event that recorded it */
    record Holding(@JsonProperty("at") Instant from, String unitCode, long position) {
    }

    /** @param position the position of the event that recorded it */
    record Deadline(@JsonProperty("at") Instant from, Instant dueAt, long position) {
    }

    /**
     * @param position      the position of the supplement request
     * @param untilPosition the position of the supplement's arrival; 0 while it has not come
     */
    record Pause(Instant from, Instant until, long position, long untilPosition) {
    }

    /** The fact of a dossier received at {@code position}, with its receiving unit and first appointment. */
    static DossierFact received(String dossierId, String procedureCode, String field, String unitCode,
                                Instant receivedAt, Instant dueAt, long position) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, position,
                List.of(new Holding(receivedAt, unitCode, position)), List.of(new Deadline(receivedAt, dueAt, position)),
                List.of(), null, null, null, null, 0, null);
    }

    /*
     * The stored form, mapped by Jackson through the properties below, is as small as the common case
     * allows, because every instance loads every fact at start: the receipt's unit and due date are flat
     * fields, and transfers, due date changes and pauses appear only when there was one; the end's
     * fields only once processing ended. Facts stored before positions were have none: they read as
     * UNRECORDED, which the reader replaces with the stored fact's last position (see recordedBy).
     */

    @JsonCreator
    static DossierFact stored(@JsonProperty("dossierId") String dossierId,
                              @JsonProperty("procedureCode") String procedureCode,
                              @JsonProperty("field") String field, @JsonProperty("unitCode") String unitCode,
                              @JsonProperty("receivedAt") Instant receivedAt, @JsonProperty("dueAt") Instant dueAt,
                              @JsonProperty("receivedPosition") long receivedPosition,
                              @JsonProperty("transfers") List<Holding> transfers,
                              @JsonProperty("dueChanges") List<Deadline> dueChanges,
                              @JsonProperty("pauses") List<Pause> pauses, @JsonProperty("endedAt") Instant endedAt,
                              @JsonProperty("endedAs") DossierStatus endedAs,
                              @JsonProperty("verdict") Timeliness verdict,
                              @JsonProperty("processingDays") Double processingDays,
                              @JsonProperty("endedPosition") long endedPosition,
                              @JsonProperty("replaced") DossierFact replaced) {
        List<Holding> holdings = new ArrayList<>();
        holdings.add(new Holding(receivedAt, unitCode, receivedPosition));
        holdings.addAll(transfers == null ? List.of() : transfers);
        List<Deadline> deadlines = new ArrayList<>();
        deadlines.add(new Deadline(receivedAt, dueAt, receivedPosition));
        deadlines.addAll(dueChanges == null ? List.of() : dueChanges);
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, holdings, deadlines,
                pauses == null ? List.of() : pauses, endedAt, endedAs, verdict, processingDays, endedPosition,
                replaced);
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

    boolean ended() {
        return endedAt != null;
    }

    /**
     * The fact as the store knew it once it had recorded the events up to {@code position}: only the
     * elements recorded at or before it; null when the dossier was not received by then. It equals the
     * fact that {@link TimelinessFold} makes of those events alone.
     */
    DossierFact asKnownAt(long position) {
        if (receivedPosition > position) {
            return replaced == null ? null : replaced.asKnownAt(position);
        }
        if (lastPosition() <= position) {
            return this;
        }
        List<Holding> knownHoldings = holdings.stream().filter(holding -> holding.position() <= position).toList();
        List<Deadline> knownDeadlines = deadlines.stream().filter(deadline -> deadline.position() <= position)
                                                 .toList();
        List<Pause> knownPauses = new ArrayList<>(pauses.size());
        for (Pause pause : pauses) {
            if (pause.position() <= position) {
                knownPauses.add(pause.untilPosition() <= position ? pause
                        : new Pause(pause.from(), null, pause.position(), 0));
            }
        }
        // the end, when there is one, is the fact's last element (nothing is recorded after it): after position
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, knownHoldings,
                knownDeadlines, knownPauses, null, null, null, null, 0, replaced);
    }

    /** The position of the last event recorded in this fact. */
    long lastPosition() {
        long last = Math.max(receivedPosition, endedPosition);
        for (Holding holding : holdings) {
            last = Math.max(last, holding.position());
        }
        for (Deadline deadline : deadlines) {
            last = Math.max(last, deadline.position());
        }
        for (Pause pause : pauses) {
            last = Math.max(last, Math.max(pause.position(), pause.untilPosition()));
        }
        return last;
    }

    /** The earliest receipt this fact holds, its replaced facts' included. */
    Instant earliestReceipt() {
        return replaced == null || receivedAt.isBefore(replaced.earliestReceipt()) ? receivedAt
                : replaced.earliestReceipt();
    }

    /** Whether an element lacks its position: a fact stored before positions were. */
    boolean hasUnrecorded() {
        return receivedPosition == UNRECORDED || ended() && endedPosition == UNRECORDED
               || holdings.stream().anyMatch(holding -> holding.position() == UNRECORDED)
               || deadlines.stream().anyMatch(deadline -> deadline.position() == UNRECORDED)
               || pauses.stream().anyMatch(pause -> pause.position() == UNRECORDED
                                                    || pause.until() != null && pause.untilPosition() == UNRECORDED)
               || replaced != null && replaced.hasUnrecorded();
    }

    /**
     * This fact with every element that lacks its position taken as recorded at {@code lastPosition},
     * the position the fact was stored at: the latest it can have been recorded, so that a report
     * known at an earlier position leaves it out rather than count what the store may not have known.
     */
    DossierFact recordedBy(long lastPosition) {
        List<Holding> recordedHoldings = holdings.stream().map(holding -> holding.position() != UNRECORDED ? holding
                : new Holding(holding.from(), holding.unitCode(), lastPosition)).toList();
        List<Deadline> recordedDeadlines = deadlines.stream().map(deadline -> deadline.position() != UNRECORDED
                ? deadline : new Deadline(deadline.from(), deadline.dueAt(), lastPosition)).toList();
        List<Pause> recordedPauses = pauses.stream().map(pause -> new Pause(pause.from(), pause.until(),
                pause.position() == UNRECORDED ? lastPosition : pause.position(),
                pause.until() != null && pause.untilPosition() == UNRECORDED ? lastPosition
                        : pause.untilPosition())).toList();
        return new DossierFact(dossierId, procedureCode, field, receivedAt,
                receivedPosition == UNRECORDED ? lastPosition : receivedPosition, recordedHoldings, recordedDeadlines,
                recordedPauses, endedAt, endedAs, verdict, processingDays,
                ended() && endedPosition == UNRECORDED ? lastPosition : endedPosition,
                replaced == null ? null : replaced.recordedBy(lastPosition));
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

    DossierFact transferredTo(String unitCode, Instant at, long position) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition,
                append(holdings, new Holding(at, unitCode, position)), deadlines, pauses, endedAt, endedAs, verdict,
                processingDays, endedPosition, replaced);
    }

    DossierFact dueFrom(Instant from, Instant dueAt, long position) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, holdings,
                append(deadlines, new Deadline(from, dueAt, position)), pauses, endedAt, endedAs, verdict,
                processingDays, endedPosition, replaced);
    }

    DossierFact pausedFrom(Instant from, long position) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, holdings, deadlines,
                append(pauses, new Pause(from, null, position, 0)), endedAt, endedAs, verdict, processingDays,
                endedPosition, replaced);
    }

    /** Closes the pause still open, if any. */
    DossierFact resumedAt(Instant at, long position) {
        List<Pause> closed = new ArrayList<>(pauses);
        int last = closed.size() - 1;
        if (last >= 0 && closed.get(last).until() == null) {
            closed.set(last, new Pause(closed.get(last).from(), at, closed.get(last).position(), position));
        }
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, holdings, deadlines,
                closed, endedAt, endedAs, verdict, processingDays, endedPosition, replaced);
    }

    DossierFact endedAt(Instant at, DossierStatus as, Timeliness judged, Double days, long position) {
        return new DossierFact(dossierId, procedureCode, field, receivedAt, receivedPosition, holdings, deadlines,
                pauses, at, as, judged, days, position, replaced);
    }

    /** {@code receipt}, the fact of a receipt recorded again, replacing this one, which it keeps. */
    DossierFact receivedAgain(DossierFact receipt) {
        return new DossierFact(receipt.dossierId, receipt.procedureCode, receipt.field, receipt.receivedAt,
                receipt.receivedPosition, receipt.holdings, receipt.deadlines, receipt.pauses, receipt.endedAt,
                receipt.endedAs, receipt.verdict, receipt.processingDays, receipt.endedPosition, this);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list.size() + 1);
        longer.addAll(list);
        longer.add(element);
        return longer;
    }
}
