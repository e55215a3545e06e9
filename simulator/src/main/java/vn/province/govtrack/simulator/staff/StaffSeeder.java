package vn.province.govtrack.simulator.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * Seeds the province's staff ({@link StaffPlanner}): first every unit's quotas
 * ({@code PUT /units/{code}/quotas/{field}}), then each person in turn on one worker — recruitment
 * ({@code POST /staff}), the secondment if any ({@code POST /staff/{id}/secondments}) and the portal
 * accounts ({@code POST /staff/{id}/accounts}) — several people at a time. A rejected recruitment
 * ends that person's commands (it is counted and shown). Runs after the units, before the dossiers.
 */
public final class StaffSeeder implements Seeder {

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public void seed(Seeding seeding) {
        StaffPlan plan = new StaffPlanner(seeding.province(), seeding.scenario().seed()).plan();
        List<List<Quota>> quotas = new ArrayList<>(plan.quotasByUnit().values());
        seeding.inParallel("quotas", quotas.size(), i -> quotas.get(i).forEach(quota -> setQuota(seeding, quota)));
        List<Person> people = plan.people();
        seeding.inParallel("staff", people.size(), i -> play(seeding, people.get(i)));
    }

    private static void setQuota(Seeding seeding, Quota quota) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("positions", quota.positions());
        body.put("effectiveDate", quota.effectiveDate());
        body.put("decisionNo", quota.decisionNo());
        seeding.put(Official.HOME_AFFAIRS, "quota", quota.unitCode() + "/" + quota.field().name(),
                    "/units/" + quota.unitCode() + "/quotas/" + quota.field().name(), body);
    }

    private static void play(Seeding seeding, Person person) {
        String id = person.staffId();
        Map<String, Object> recruitment = new LinkedHashMap<>();
        recruitment.put("staffId", id);
        recruitment.put("fullName", person.fullName());
        recruitment.put("unitCode", person.unitCode());
        recruitment.put("field", person.field().name());
        recruitment.put("position", person.position());
        recruitment.put("effectiveDate", person.recruitedOn());
        recruitment.put("decisionNo", person.recruitmentDecision());
        Answer recruited = seeding.send(Official.HOME_AFFAIRS, "recruitment", id, "/staff", recruitment, id + "/0");
        if (!recruited.ok()) {
            return;
        }
        Secondment secondment = person.secondment();
        if (secondment != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("toUnitCode", secondment.toUnitCode());
            body.put("from", secondment.from());
            body.put("until", secondment.until());
            body.put("decisionNo", secondment.decisionNo());
            seeding.send(Official.HOME_AFFAIRS, "secondment", id, "/staff/" + id + "/secondments", body, id + "/1");
        }
        for (String account : person.accounts()) {
            seeding.send(Official.HOME_AFFAIRS, "portal account", id, "/staff/" + id + "/accounts", Map.of("account", account),
                         id + "/account/" + account);
        }
    }
}
