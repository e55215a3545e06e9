package vn.province.govtrack.simulator.staff;

import java.time.LocalDate;
import java.util.List;

import vn.province.govtrack.simulator.province.Field;

/**
 * A staff member to seed: recruited into a unit, field and job position, possibly seconded,
 * holding one or more portal accounts.
 *
 * @param secondment null when the person is not seconded
 */
record Person(String staffId, String fullName, String unitCode, Field field, String position, LocalDate recruitedOn,
              String recruitmentDecision, Secondment secondment, List<String> accounts) {

    Person {
        accounts = List.copyOf(accounts);
    }
}
