package vn.province.govtrack.query.personnel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import vn.province.govtrack.kernel.staff.SecondmentEndReason;
import vn.province.govtrack.kernel.staff.SecondmentEndedEvent;
import vn.province.govtrack.kernel.staff.StaffDepartedEvent;
import vn.province.govtrack.kernel.staff.StaffRecruitedEvent;
import vn.province.govtrack.kernel.staff.StaffSecondedEvent;
import vn.province.govtrack.kernel.staff.StaffTransferredEvent;
import vn.province.govtrack.kernel.staff.TrainingCompletedEvent;
import vn.province.govtrack.kernel.unit.StaffingQuotaSetEvent;
import vn.province.govtrack.kernel.unit.UnitDissolvedEvent;
import vn.province.govtrack.kernel.unit.UnitKind;
import vn.province.govtrack.kernel.unit.UnitRegisteredEvent;

/**
 * Random personnel histories in the order recorded, within what the command side accepts: units are
 * registered before anything names them, some renamed and some dissolved; quotas set and changed,
 * effective on any day of 2025 (so often backdated); staff recruited, transferred, seconded (a
 * secondment ended at most once, early by decision or when it expires), trained and departed, every
 * effective date drawn from 2024-2025 regardless of what was recorded before.
 */
final class RandomPersonnelHistory {

    private static final String[] FIELDS = {"INFORMATION_TECHNOLOGY", "NATURAL_RESOURCES_ENVIRONMENT"};
    private static final LocalDate FIRST = LocalDate.parse("2024-06-01");

    private RandomPersonnelHistory() {
    }

    /** @return {@code events} events of {@code units} units and up to {@code staff} staff members */
    static List<Object> of(Random random, int units, int staff, int events) {
        List<Object> history = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            history.add(new UnitRegisteredEvent(unit(u), "Unit " + u, u == 0 ? UnitKind.DEPARTMENT : UnitKind.COMMUNE));
        }
        List<Person> people = new ArrayList<>();
        while (history.size() < events) {
            int choice = random.nextInt(10);
            if (choice == 0) {
                int u = random.nextInt(units);
                history.add(random.nextBoolean()
                        ? new UnitRegisteredEvent(unit(u), "Unit " + u + " renamed " + history.size(), UnitKind.WARD)
                        : new UnitDissolvedEvent(unit(u), day(random), "NQ/" + history.size()));
            } else if (choice <= 2) {
                history.add(new StaffingQuotaSetEvent(unit(random.nextInt(units)), field(random), random.nextInt(4),
                                                      day(random), "Q/" + history.size()));
            } else if (people.size() < staff && (people.isEmpty() || choice == 3)) {
                Person person = new Person("CB-" + people.size(), unit(random.nextInt(units)), field(random));
                people.add(person);
                history.add(new StaffRecruitedEvent(person.staffId, "Officer " + person.staffId, person.unitCode,
                                                    person.field, "officer", day(random), "R/" + history.size()));
            } else {
                Person person = people.get(random.nextInt(people.size()));
                if (person.departed) {
                    continue;
                }
                history.add(movement(random, person, units, history.size()));
            }
        }
        return history;
    }

    private static Object movement(Random random, Person person, int units, int n) {
        int choice = random.nextInt(10);
        if (choice < 3) {
            String toUnit = unit(random.nextInt(units));
            String toField = random.nextInt(4) == 0 ? field(random) : person.field;
            StaffTransferredEvent transfer = new StaffTransferredEvent(person.staffId, person.unitCode, person.field,
                    toUnit, toField, "officer", day(random), "T/" + n);
            person.unitCode = toUnit;
            person.field = toField;
            return transfer;
        }
        if (choice < 6) {
            LocalDate from = day(random);
            LocalDate until = from.plusDays(30 + random.nextInt(300));
            person.secondments.add(new Running(person.secondments.size() + 1, unit(random.nextInt(units)), from,
                                               until));
            Running running = person.secondments.get(person.secondments.size() - 1);
            return new StaffSecondedEvent(person.staffId, running.no, person.unitCode, person.field, running.toUnit,
                                          person.field, from, until, "S/" + n);
        }
        if (choice < 8) {
            for (Running running : person.secondments) {
                if (!running.ended) {
                    running.ended = true;
                    boolean expired = random.nextBoolean();
                    LocalDate endedOn = expired ? running.until.plusDays(1)
                            : running.from.plusDays(random.nextInt((int) (running.until.toEpochDay()
                                                                          - running.from.toEpochDay()) + 1));
                    return new SecondmentEndedEvent(person.staffId, running.no, running.toUnit, endedOn,
                            expired ? SecondmentEndReason.EXPIRED : SecondmentEndReason.DECIDED,
                            expired ? null : "E/" + n);
                }
            }
            return new TrainingCompletedEvent(person.staffId, "course " + n, day(random));
        }
        if (choice == 8) {
            return new TrainingCompletedEvent(person.staffId, "course " + n, day(random));
        }
        person.departed = true;
        return new StaffDepartedEvent(person.staffId, person.unitCode, day(random), "retirement", "D/" + n);
    }

    private static String unit(int u) {
        return "U" + u;
    }

    private static String field(Random random) {
        return FIELDS[random.nextInt(FIELDS.length)];
    }

    private static LocalDate day(Random random) {
        return FIRST.plusDays(random.nextInt(580));
    }

    private static final class Person {
        final String staffId;
        String unitCode;
        String field;
        boolean departed;
        final List<Running> secondments = new ArrayList<>();

        Person(String staffId, String unitCode, String field) {
            this.staffId = staffId;
            this.unitCode = unitCode;
            this.field = field;
        }
    }

    private static final class Running {
        final int no;
        final String toUnit;
        final LocalDate from;
        final LocalDate until;
        boolean ended;

        Running(int no, String toUnit, LocalDate from, LocalDate until) {
            this.no = no;
            this.toUnit = toUnit;
            this.from = from;
            this.until = until;
        }
    }
}
