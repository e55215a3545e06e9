package vn.province.govtrack.query.dossier;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Channel;
import vn.province.govtrack.kernel.dossier.DossierStatus;
import vn.province.govtrack.kernel.dossier.Outcome;
import vn.province.govtrack.kernel.dossier.PaymentChannel;
import vn.province.govtrack.kernel.dossier.Timeliness;

/**
 * What the query side knows about one dossier: the facts its events recorded, never recomputed.
 *
 * <p>Each field is declared once, here, next to its accessor, and is used by name everywhere else:
 * {@link DossierFold} sets it on a fresh copy ({@link #with}), Jackson maps it to the stored document
 * and to the {@link DossierResponse} of the same name. Adding a field is one declaration here and the
 * fold line that sets it; the public API shows it once {@link DossierResponse}, which spells out the
 * contract, has a component of that name. No constructor lists the fields, so no call can swap two.
 *
 * <p>A view stored before a field existed reads with the field's default: null for the boxed and
 * reference fields (nothing recorded), 0 for the counts and amounts, which is what its events said.
 *
 * <p>A view never changes once {@link #with} has returned it: fields are assigned only inside the
 * {@code change} given to {@link #with}, on the copy it is making.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class DossierView implements Cloneable {

    /** The statuses in which processing is over (or never began): the national index's end of processing, and refusal. */
    public static final Set<DossierStatus> FINAL_STATUSES = EnumSet.of(DossierStatus.NOT_RECEIVED,
            DossierStatus.RESOLVED, DossierStatus.RETURNED, DossierStatus.STOPPED);

    String dossierId;
    public String dossierId() { return dossierId; }

    /** null until the first event that sets it */
    DossierStatus status;
    public DossierStatus status() { return status; }

    String procedureCode;
    public String procedureCode() { return procedureCode; }

    String field;
    public String field() { return field; }

    /** the unit holding the dossier now: the receiving one, or the last a transfer moved it to */
    String unitCode;
    public String unitCode() { return unitCode; }

    Channel channel;
    public Channel channel() { return channel; }

    /** the applicant as the events sealed it; opened only when a response is written */
    SealedApplicant applicant;
    public SealedApplicant applicant() { return applicant; }

    /** when an online submission was registered; null for other channels */
    Instant submittedAt;
    public Instant submittedAt() { return submittedAt; }

    /** when the desk refused an online submission (NOT_RECEIVED) */
    Instant refusedAt;
    public Instant refusedAt() { return refusedAt; }

    Instant receivedAt;
    public Instant receivedAt() { return receivedAt; }

    Instant clockStartsAt;
    public Instant clockStartsAt() { return clockStartsAt; }

    int processingHours;
    public int processingHours() { return processingHours; }

    /**
     * the appointment date in force: set at receipt, moved by each supplement and extension, as the
     * command side recorded them
     */
    Instant dueAt;
    public Instant dueAt() { return dueAt; }

    /** the officer last assigned */
    String assignedStaffId;
    public String assignedStaffId() { return assignedStaffId; }

    /** how many supplements were requested (the last request's number) */
    int supplementRequests;
    public int supplementRequests() { return supplementRequests; }

    /**
     * when the outstanding supplement request was made; null when none is outstanding, that is whenever
     * the clock is not paused
     */
    Instant pausedSince;
    public Instant pausedSince() { return pausedSince; }

    /** apology-and-extension letters issued */
    int extensions;
    public int extensions() { return extensions; }

    /** moves to another unit */
    int transfers;
    public int transfers() { return transfers; }

    /** fees requested in total, VND */
    long amountRequested;
    public long amountRequested() { return amountRequested; }

    /** fees paid in total, VND */
    long amountPaid;
    public long amountPaid() { return amountPaid; }

    /** of {@link #amountPaid}, what was paid through the national portal's payment platform, VND */
    long amountPaidOnline;
    public long amountPaidOnline() { return amountPaidOnline; }

    /** how the last payment was made; null before any; a payment recorded before the channel was reads AT_DESK */
    PaymentChannel paymentChannel;
    public PaymentChannel paymentChannel() { return paymentChannel; }

    Instant withdrawalRequestedAt;
    public Instant withdrawalRequestedAt() { return withdrawalRequestedAt; }

    Instant resolvedAt;
    public Instant resolvedAt() { return resolvedAt; }

    Outcome outcome;
    public Outcome outcome() { return outcome; }

    /** the verdict recorded when processing ended (resolution or stop) */
    Timeliness timeliness;
    public Timeliness timeliness() { return timeliness; }

    /** as recorded when processing ended; null while open */
    Double processingDays;
    public Double processingDays() { return processingDays; }

    Instant returnedAt;
    public Instant returnedAt() { return returnedAt; }

    Instant stoppedAt;
    public Instant stoppedAt() { return stoppedAt; }

    /** the parts the dossier has, as its last digitisation record counted them; null before any record */
    Integer parts;
    public Integer parts() { return parts; }

    /** of those, the parts held electronically; null before any digitisation record */
    Integer digitisedParts;
    public Integer digitisedParts() { return digitisedParts; }

    /** of the digitised parts, those reused from data digitised before; null before any digitisation record */
    Integer reusedParts;
    public Integer reusedParts() { return reusedParts; }

    /** whether the applicant's data came from the national population database; null before any record */
    Boolean populationDataUsed;
    public Boolean populationDataUsed() { return populationDataUsed; }

    /** when the last digitisation record was made */
    Instant digitisedAt;
    public Instant digitisedAt() { return digitisedAt; }

    /** when the result was issued as an electronic document; null if it was not */
    Instant electronicResultIssuedAt;
    public Instant electronicResultIssuedAt() { return electronicResultIssuedAt; }

    /** the applicant's rating, 1 (very dissatisfied) to 5 (very satisfied); null if not rated */
    Integer ratingScore;
    public Integer ratingScore() { return ratingScore; }

    Instant ratedAt;
    public Instant ratedAt() { return ratedAt; }

    /** global position of the last event folded in; 0 before any */
    long lastPosition;

    public long lastPosition() {
        return lastPosition;
    }
    /** The state of a dossier before any of its events; also what Jackson fills from a stored document. */
    private DossierView() {
    }

    static DossierView initial(String dossierId) {
        DossierView view = new DossierView();
        view.dossierId = dossierId;
        return view;
    }

    /** A copy of this view with {@code change} made to it, by field name; this view stays as it was. */
    DossierView with(Consumer<DossierView> change) {
        DossierView next;
        try {
            next = (DossierView) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        change.accept(next);
        return next;
    }

    /** Not in a final status; NEW and paused dossiers included. */
    public boolean open() {
        return status != null && !FINAL_STATUSES.contains(status);
    }

    /**
     * Whether the deadline clock runs now: received, not ended, and no supplement request outstanding
     * (the clock is paused until the supplement arrives). Only such dossiers can be overdue or due soon.
     */
    public boolean clockRunning() {
        return open() && receivedAt != null && pausedSince == null;
    }

    /** The national status code, 1 to 10; null before the first event that sets a status. */
    public Integer statusCode() {
        return status == null ? null : status.code();
    }

    /** The same state, marked as having folded in the event at {@code position}. */
    public DossierView atPosition(long position) {
        return with(next -> next.lastPosition = position);
    }

    /** Every field, for equality and printing: a view is a value, equal to any view with equal fields. */
    private static final Field[] FIELDS = Arrays.stream(DossierView.class.getDeclaredFields())
                                                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                                                .toArray(Field[]::new);

    private Object[] values() {
        Object[] values = new Object[FIELDS.length];
        try {
            for (int i = 0; i < FIELDS.length; i++) {
                values[i] = FIELDS[i].get(this);
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DossierView view && Arrays.equals(values(), view.values());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values());
    }

    @Override
    public String toString() {
        StringJoiner fields = new StringJoiner(", ", "DossierView[", "]");
        Object[] values = values();
        for (int i = 0; i < FIELDS.length; i++) {
            fields.add(FIELDS[i].getName() + "=" + values[i]);
        }
        return fields.toString();
    }
}
