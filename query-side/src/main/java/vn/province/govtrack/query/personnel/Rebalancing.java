package vn.province.govtrack.query.personnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import vn.province.govtrack.kernel.unit.UnitKind;

/**
 * Proposals that move staff from units with a surplus to units short of staff in the same field,
 * computed from the staffing review rows of one day. A pure, deterministic computation:
 *
 * <ol>
 *   <li>Within one field, the <em>donors</em> are the units whose gap is positive (surplus = gap) and
 *       the <em>recipients</em> the units whose gap is negative (shortage = −gap).</li>
 *   <li>Recipients are served in turn: communes, wards and special zones before provincial
 *       departments and centres; within a tier the largest shortage first; then by unit code.</li>
 *   <li>A recipient takes from the donor with the largest remaining surplus (among equals provincial
 *       units first, as the province moves provincial staff to the communes; then by unit code) as many
 *       as the smaller of its remaining shortage and that surplus, and repeats until its shortage is
 *       met or no surplus is left.</li>
 * </ol>
 * Hence no donor gives more than its surplus, no recipient receives more than its shortage, and the
 * field moves min(total surplus, total shortage) people, in as few proposals as the greedy order gives.
 * A unit and field without a quota has quota 0, so all its staff count as surplus; so has a dissolved
 * unit (state {@link StaffingState#DISSOLVED}), which therefore never receives.
 */
final class Rebalancing {

    /** The rule above in one paragraph, for the API's answer. */
    static final String RULE = "Per field: units short of staff (gap < 0) are served in turn, communes, wards and "
            + "special zones first, then the largest shortage, then unit code; each takes from the unit with the "
            + "largest remaining surplus (gap > 0; among equals provincial units first, then unit code) the smaller of "
            + "its remaining shortage and that surplus, until its shortage is met or no surplus is left. No unit gives "
            + "more than its surplus or receives more than its shortage. A field without a quota has quota 0, and so "
            + "has a dissolved unit: it never receives, and staff still counted there are a surplus it gives.";

    private static final Comparator<StaffingRow> RECIPIENT_ORDER =
            Comparator.comparing((StaffingRow row) -> !local(row.unitKind()))
                      .thenComparing(StaffingRow::gap)
                      .thenComparing(StaffingRow::unitCode);

    private static final Comparator<Donor> DONOR_ORDER =
            Comparator.comparingInt((Donor donor) -> -donor.remaining)
                      .thenComparing(donor -> local(donor.row.unitKind()))
                      .thenComparing(donor -> donor.row.unitCode());

    private Rebalancing() {
    }

    /** @param rows the staffing review rows of one field */
    static List<Proposal> propose(List<StaffingRow> rows) {
        PriorityQueue<Donor> donors = new PriorityQueue<>(DONOR_ORDER);
        rows.stream().filter(row -> row.gap() > 0).forEach(row -> donors.add(new Donor(row, row.gap())));
        List<Proposal> proposals = new ArrayList<>();
        for (StaffingRow recipient : rows.stream().filter(row -> row.gap() < 0).sorted(RECIPIENT_ORDER).toList()) {
            int shortage = -recipient.gap();
            while (shortage > 0 && !donors.isEmpty()) {
                Donor donor = donors.poll();
                int count = Math.min(shortage, donor.remaining);
                proposals.add(new Proposal(donor.row.unitCode(), recipient.unitCode(), recipient.field(), count));
                shortage -= count;
                donor.remaining -= count;
                if (donor.remaining > 0) {
                    donors.add(donor);
                }
            }
        }
        return proposals;
    }

    private static boolean local(UnitKind kind) {
        return kind == UnitKind.COMMUNE || kind == UnitKind.WARD || kind == UnitKind.SPECIAL_ZONE;
    }

    /** A donor while proposals are drawn: its row and the surplus it has not yet given. */
    private static final class Donor {
        final StaffingRow row;
        int remaining;

        Donor(StaffingRow row, int remaining) {
            this.row = row;
            this.remaining = remaining;
        }
    }

    /** Move (second) {@code count} staff of {@code field} from {@code fromUnitCode} to {@code toUnitCode}. */
    record Proposal(String fromUnitCode, String toUnitCode, String field, int count) {
    }
}
