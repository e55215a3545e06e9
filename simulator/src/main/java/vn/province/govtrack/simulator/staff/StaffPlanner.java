package vn.province.govtrack.simulator.staff;

import static vn.province.govtrack.simulator.province.Field.CULTURE_SOCIETY;
import static vn.province.govtrack.simulator.province.Field.FINANCE_PLANNING;
import static vn.province.govtrack.simulator.province.Field.HOME_AFFAIRS;
import static vn.province.govtrack.simulator.province.Field.INFORMATION_TECHNOLOGY;
import static vn.province.govtrack.simulator.province.Field.JUSTICE_CIVIL_STATUS;
import static vn.province.govtrack.simulator.province.Field.LAND_ADMINISTRATION;
import static vn.province.govtrack.simulator.province.Field.NATURAL_RESOURCES_ENVIRONMENT;
import static vn.province.govtrack.simulator.province.Field.ONE_STOP_DESK;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import vn.province.govtrack.simulator.province.Field;
import vn.province.govtrack.simulator.province.Province;
import vn.province.govtrack.simulator.province.UnitKind;
import vn.province.govtrack.simulator.province.UnitSpec;

/**
 * Draws the province's staff from the seed: the same seed draws the same plan. The profile follows
 * the province's report two weeks after the two-tier switch: every unit has quotas from 1 July 2025;
 * communes are often short of information technology and natural resources &amp; environment staff,
 * while provincial units in those fields (and some wards and departments in other fields) have more
 * staff than positions; a few dozen provincial staff are seconded to short communes from July 2025;
 * and 5,397 portal accounts are held by the 166 units' staff.
 *
 * <p>Staff are recruited before July 2025, so every audit from 1 July 2025 on sees them all. Of the
 * secondments about a fifth end one to three months after the start (soon after the demo's period),
 * the others after 6 to 12 or 24 to 36 months; which of them still run "today" depends on the date.
 */
final class StaffPlanner {

    static final LocalDate QUOTA_DATE = LocalDate.of(2025, 7, 1);
    /** The portal accounts the province reported for its 166 units. */
    static final int PORTAL_ACCOUNTS = 5_397;

    private static final LocalDate FIRST_RECRUITMENT = LocalDate.of(2003, 1, 1);
    /** The last recruitment day drawn; moved forward to a weekday it is still before July 2025. */
    private static final LocalDate LAST_RECRUITMENT = LocalDate.of(2025, 6, 25);
    /** Keeps the staff's random draws apart from the dossiers' for the same seed. */
    private static final long SALT = 0x5747_AFF5_EEDL;

    /** Positions of a commune, ward or special zone per field (wards add to the desk and civil status). */
    private static final Map<Field, Integer> LOCAL_QUOTA = localQuota();
    /** Fields where provincial staff are seconded to short communes, and the share of the surplus seconded. */
    private static final Map<Field, Double> SECONDED = seconded();

    private final Province province;
    private final long seed;

    StaffPlanner(Province province, long seed) {
        this.province = province;
        this.seed = seed;
    }

    StaffPlan plan() {
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        List<Quota> quotas = new ArrayList<>();
        Map<String, Map<Field, List<Draft>>> staff = new LinkedHashMap<>();
        Map<String, Map<Field, Integer>> gaps = new HashMap<>();
        int quotaDecision = 1500;
        for (UnitSpec unit : province.units()) {
            Map<Field, Integer> positions = unit.kind().local() ? localQuotas(unit, random)
                                                                : provincialQuotas(unit, random);
            String decisionNo = quotaDecision++ + "/QĐ-UBND";
            Map<Field, List<Draft>> ofUnit = new EnumMap<>(Field.class);
            Map<Field, Integer> gapOfUnit = new EnumMap<>(Field.class);
            int number = 1;
            for (Map.Entry<Field, Integer> entry : positions.entrySet()) {
                Field field = entry.getKey();
                quotas.add(new Quota(unit.code(), field, entry.getValue(), QUOTA_DATE, decisionNo));
                int own = Math.max(0, entry.getValue() + (unit.kind().local() ? localDelta(unit, field, entry.getValue(), random)
                                                                               : provincialDelta(unit, field, random)));
                List<Draft> drafts = new ArrayList<>();
                for (int i = 0; i < own; i++) {
                    drafts.add(draft(unit, field, number++, random));
                }
                ofUnit.put(field, drafts);
                gapOfUnit.put(field, own - entry.getValue());
            }
            staff.put(unit.code(), ofUnit);
            gaps.put(unit.code(), gapOfUnit);
        }
        second(staff, gaps, random);
        List<Draft> everyone = staff.values().stream().flatMap(ofUnit -> ofUnit.values().stream())
                .flatMap(List::stream).toList();
        giveAccounts(everyone, random);
        return new StaffPlan(quotas, everyone.stream().map(Draft::person).toList());
    }

    // --- quotas and headcounts ------------------------------------------------------------------

    private static Map<Field, Integer> localQuotas(UnitSpec unit, SplittableRandom random) {
        Map<Field, Integer> positions = new EnumMap<>(LOCAL_QUOTA);
        if (unit.kind() == UnitKind.WARD) {
            positions.merge(ONE_STOP_DESK, 1, Integer::sum);
            positions.merge(JUSTICE_CIVIL_STATUS, 1, Integer::sum);
        }
        List<Field> growing = List.of(LAND_ADMINISTRATION, CULTURE_SOCIETY, FINANCE_PLANNING);
        for (int extra = random.nextInt(3); extra > 0; extra--) {
            positions.merge(growing.get(random.nextInt(growing.size())), 1, Integer::sum);
        }
        return positions;
    }

    /**
     * Departments and centres: most positions in their own fields, the first one largest, and a small
     * planning-and-finance office. The centre serving every field has a few positions in each and a
     * large one-stop desk.
     */
    private static Map<Field, Integer> provincialQuotas(UnitSpec unit, SplittableRandom random) {
        Map<Field, Integer> positions = new EnumMap<>(Field.class);
        List<Field> fields = unit.fields().isEmpty() ? List.of(HOME_AFFAIRS) : unit.fields();
        boolean department = unit.kind() == UnitKind.DEPARTMENT;
        if (fields.size() > 4) {
            fields.forEach(field -> positions.put(field, between(random, 2, 4)));
            positions.put(ONE_STOP_DESK, between(random, 20, 30));
        } else {
            for (int i = 0; i < fields.size(); i++) {
                boolean main = i == 0;
                positions.put(fields.get(i), department ? (main ? between(random, 25, 45) : between(random, 12, 25))
                                                        : (main ? between(random, 12, 25) : between(random, 6, 12)));
            }
        }
        positions.putIfAbsent(FINANCE_PLANNING, between(random, 2, 4));
        return positions;
    }

    /** Own staff minus quota at a local unit: IT and environment often short, wards often over elsewhere. */
    private static int localDelta(UnitSpec unit, Field field, int positions, SplittableRandom random) {
        double draw = random.nextDouble();
        if (field == INFORMATION_TECHNOLOGY || field == NATURAL_RESOURCES_ENVIRONMENT) {
            double shortage = field == INFORMATION_TECHNOLOGY ? 0.55 : 0.50;
            if (draw < shortage) {
                return positions >= 2 && random.nextDouble() < 0.3 ? -2 : -1;
            }
            return draw < shortage + 0.04 ? 1 : 0;
        }
        double surplus = unit.kind() == UnitKind.WARD ? 0.25 : 0.10;
        if (draw < surplus) {
            return random.nextDouble() < 0.2 ? 2 : 1;
        }
        return draw < surplus + 0.10 ? -1 : 0;
    }

    /**
     * Own staff minus quota at a provincial unit: the units working in IT or environment have several
     * more than their positions (staff merged in July 2025); elsewhere some have a few more, some fewer.
     */
    private static int provincialDelta(UnitSpec unit, Field field, SplittableRandom random) {
        boolean ownField = unit.fields().contains(field) && unit.fields().size() <= 4;
        if (ownField && (field == INFORMATION_TECHNOLOGY || field == NATURAL_RESOURCES_ENVIRONMENT)) {
            return between(random, 5, 9);
        }
        double draw = random.nextDouble();
        if (draw < 0.35) {
            return ownField ? between(random, 1, 4) : 1;
        }
        return draw < 0.50 ? -between(random, 1, 2) : 0;
    }

    private static Draft draft(UnitSpec unit, Field field, int number, SplittableRandom random) {
        boolean local = unit.kind().local();
        String grade = !local && random.nextDouble() < 0.25 ? "Chuyên viên chính" : "Chuyên viên";
        String position = field == ONE_STOP_DESK ? "Công chức tiếp nhận và trả kết quả"
                : grade + " " + field.label().toLowerCase(Locale.forLanguageTag("vi"));
        String decisionNo = between(random, 1, 999) + (local ? "/QĐ-UBND" : "/QĐ-SNV");
        LocalDate recruitedOn = weekday(FIRST_RECRUITMENT.plusDays(
                random.nextInt((int) ChronoUnit.DAYS.between(FIRST_RECRUITMENT, LAST_RECRUITMENT) + 1)));
        return new Draft(String.format("CB-%s-%03d", unit.code(), number), StaffNames.fullName(random), unit.code(),
                         field, position, recruitedOn, decisionNo);
    }

    // --- secondments ----------------------------------------------------------------------------

    /**
     * Per field, seconds provincial staff from the units with the largest surplus to local units short
     * of staff, one person to each, as many as the field's {@link #SECONDED} share of the provincial
     * surplus allows, so that short communes and surplus units both remain for the rebalancing.
     */
    private void second(Map<String, Map<Field, List<Draft>>> staff, Map<String, Map<Field, Integer>> gaps,
                        SplittableRandom random) {
        int decision = 2300;
        for (Map.Entry<Field, Double> entry : SECONDED.entrySet()) {
            Field field = entry.getKey();
            Map<String, Integer> surplus = new LinkedHashMap<>();
            List<String> shortUnits = new ArrayList<>();
            for (UnitSpec unit : province.units()) {
                int gap = gaps.get(unit.code()).getOrDefault(field, 0);
                if (!unit.kind().local() && gap > 0) {
                    surplus.put(unit.code(), gap);
                } else if (unit.kind().local() && gap < 0) {
                    shortUnits.add(unit.code());
                }
            }
            shuffle(shortUnits, random);
            int total = surplus.values().stream().mapToInt(Integer::intValue).sum();
            int count = Math.min(shortUnits.size(), (int) (total * entry.getValue()));
            for (int k = 0; k < count; k++) {
                String donor = surplus.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                        .orElseThrow().getKey();
                surplus.merge(donor, -1, Integer::sum);
                List<Draft> candidates = staff.get(donor).get(field).stream().filter(d -> d.secondment == null).toList();
                Draft person = candidates.get(random.nextInt(candidates.size()));
                person.secondment = secondment(shortUnits.get(k), decision++ + "/QĐ-UBND", random);
            }
        }
    }

    private static Secondment secondment(String toUnitCode, String decisionNo, SplittableRandom random) {
        LocalDate from = random.nextBoolean() ? QUOTA_DATE : weekday(QUOTA_DATE.plusDays(between(random, 1, 45)));
        double draw = random.nextDouble();
        LocalDate until = draw < 0.2 ? from.plusDays(between(random, 30, 90))
                : draw < 0.5 ? from.plusMonths(between(random, 6, 12)).minusDays(1)
                : from.plusMonths(between(random, 24, 36)).minusDays(1);
        return new Secondment(toUnitCode, from, until, decisionNo);
    }

    // --- portal accounts ------------------------------------------------------------------------

    /**
     * One account each, named after the person and the home unit ({@code annv.xa001}); the remaining
     * accounts up to {@link #PORTAL_ACCOUNTS} are second accounts on the public service portal
     * ({@code annv.xa001.dvc}), drawn mostly among one-stop desk and IT staff.
     */
    private static void giveAccounts(List<Draft> everyone, SplittableRandom random) {
        Map<String, Integer> taken = new HashMap<>();
        Map<Draft, Double> priority = new HashMap<>();
        for (Draft draft : everyone) {
            String stem = StaffNames.accountStem(draft.fullName);
            String unit = draft.unitCode.toLowerCase(Locale.ROOT).replace("-", "");
            int seen = taken.merge(stem + "." + unit, 1, Integer::sum);
            draft.accounts.add(stem + (seen == 1 ? "" : String.valueOf(seen)) + "." + unit);
            boolean busy = draft.field == ONE_STOP_DESK || draft.field == INFORMATION_TECHNOLOGY;
            priority.put(draft, random.nextDouble() * (busy ? 0.4 : 1.0));
        }
        int extra = Math.max(0, PORTAL_ACCOUNTS - everyone.size());
        everyone.stream().sorted(Comparator.comparingDouble(priority::get)).limit(extra)
                .forEach(draft -> draft.accounts.add(draft.accounts.get(0) + ".dvc"));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private static LocalDate weekday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }

    private static Map<Field, Integer> localQuota() {
        Map<Field, Integer> quota = new EnumMap<>(Field.class);
        quota.put(LAND_ADMINISTRATION, 3);
        quota.put(NATURAL_RESOURCES_ENVIRONMENT, 3);
        quota.put(JUSTICE_CIVIL_STATUS, 3);
        quota.put(CULTURE_SOCIETY, 3);
        quota.put(INFORMATION_TECHNOLOGY, 2);
        quota.put(FINANCE_PLANNING, 3);
        quota.put(ONE_STOP_DESK, 4);
        return quota;
    }

    private static Map<Field, Double> seconded() {
        Map<Field, Double> shares = new LinkedHashMap<>();
        shares.put(INFORMATION_TECHNOLOGY, 0.6);
        shares.put(NATURAL_RESOURCES_ENVIRONMENT, 0.6);
        shares.put(LAND_ADMINISTRATION, 0.5);
        shares.put(FINANCE_PLANNING, 0.5);
        shares.put(CULTURE_SOCIETY, 0.5);
        shares.put(JUSTICE_CIVIL_STATUS, 0.5);
        return shares;
    }

    /** A person while the plan is drawn: the secondment and accounts are added after recruitment. */
    private static final class Draft {
        final String staffId;
        final String fullName;
        final String unitCode;
        final Field field;
        final String position;
        final LocalDate recruitedOn;
        final String recruitmentDecision;
        Secondment secondment;
        final List<String> accounts = new ArrayList<>();

        Draft(String staffId, String fullName, String unitCode, Field field, String position, LocalDate recruitedOn,
              String recruitmentDecision) {
            this.staffId = staffId;
            this.fullName = fullName;
            this.unitCode = unitCode;
            this.field = field;
            this.position = position;
            this.recruitedOn = recruitedOn;
            this.recruitmentDecision = recruitmentDecision;
        }

        Person person() {
            return new Person(staffId, fullName, unitCode, field, position, recruitedOn, recruitmentDecision, secondment,
                              accounts);
        }
    }
}
