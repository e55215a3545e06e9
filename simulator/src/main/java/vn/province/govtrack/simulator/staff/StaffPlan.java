package vn.province.govtrack.simulator.staff;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import vn.province.govtrack.simulator.province.Field;

/**
 * The staff of the simulated province: quotas per unit and field, and the people to recruit, second
 * and give portal accounts. {@link #gap} is the personnel audit's arithmetic on the plan, so a test can
 * say what the query side will report without a server.
 */
record StaffPlan(List<Quota> quotas, List<Person> people) {

    StaffPlan {
        quotas = List.copyOf(quotas);
        people = List.copyOf(people);
    }

    /** The quotas grouped by unit, units in the province's order. */
    Map<String, List<Quota>> quotasByUnit() {
        return quotas.stream().collect(Collectors.groupingBy(Quota::unitCode, LinkedHashMap::new, Collectors.toList()));
    }

    List<Secondment> secondments() {
        return people.stream().map(Person::secondment).filter(Objects::nonNull).toList();
    }

    int accounts() {
        return people.stream().mapToInt(person -> person.accounts().size()).sum();
    }

    /**
     * Effective headcount minus quota of a unit in a field on a day, as the audit computes it:
     * own staff recruited by then, less those seconded out that day, plus those seconded in.
     * Negative is a shortage, positive a surplus.
     */
    int gap(String unitCode, Field field, LocalDate day) {
        int quota = quotas.stream()
                .filter(q -> q.unitCode().equals(unitCode) && q.field() == field && !q.effectiveDate().isAfter(day))
                .mapToInt(Quota::positions).sum();
        int effective = 0;
        for (Person person : people) {
            if (person.field() != field || person.recruitedOn().isAfter(day)) {
                continue;
            }
            boolean seconded = person.secondment() != null && person.secondment().runsOn(day);
            if (person.unitCode().equals(unitCode) && !seconded) {
                effective++;
            } else if (seconded && person.secondment().toUnitCode().equals(unitCode)) {
                effective++;
            }
        }
        return effective - quota;
    }
}
