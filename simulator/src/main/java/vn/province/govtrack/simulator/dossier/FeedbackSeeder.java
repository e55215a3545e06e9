package vn.province.govtrack.simulator.dossier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import vn.province.govtrack.simulator.Seeder;
import vn.province.govtrack.simulator.Seeding;
import vn.province.govtrack.simulator.http.Answer;
import vn.province.govtrack.simulator.http.Official;

/**
 * Sends the applicants' feedback about their dossiers ({@link DossierPlan#feedback()}) once the dossiers are
 * in: {@code POST /feedback} as a clerk of the unit it is about, then, where the plan answers it within the
 * period, {@code POST /feedback/{id}/answer} as that unit's head. As with the dossiers, nothing after the
 * period's end is sent: feedback not answered by then stays open (and counts against the unit once past due).
 */
public final class FeedbackSeeder implements Seeder {

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public void seed(Seeding seeding) {
        DossierPlanner planner = new DossierPlanner(seeding.province(), seeding.scenario(), seeding.hours());
        Instant horizon = seeding.scenario().horizon();
        List<FeedbackPlan> feedback = IntStream.range(0, seeding.scenario().dossiers())
                .mapToObj(index -> planner.plan(index).feedback()).filter(Objects::nonNull)
                .filter(plan -> plan.receivedAt().isBefore(horizon)).toList();
        seeding.inParallel(name(), feedback.size(), i -> send(seeding, feedback.get(i), horizon));
    }

    private static void send(Seeding seeding, FeedbackPlan plan, Instant horizon) {
        Answer received = seeding.send(Official.clerkOf(plan.unitCode()), "feedback", plan.feedbackId(), "/feedback",
                                       receipt(plan), "feedback:" + plan.feedbackId());
        if (received.ok() && plan.answeredAt() != null && plan.answeredAt().isBefore(horizon)) {
            seeding.send(Official.headOf(plan.unitCode()), "feedback-answer", plan.feedbackId(),
                         "/feedback/" + plan.feedbackId() + "/answer", answer(plan),
                         "feedback-answer:" + plan.feedbackId());
        }
    }

    static Map<String, Object> receipt(FeedbackPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("feedbackId", plan.feedbackId());
        body.put("kind", plan.kind());
        body.put("unitCode", plan.unitCode());
        body.put("dossierId", plan.dossierId());
        body.put("subject", plan.subject());
        body.put("receivedAt", plan.receivedAt().atZone(OfficeHours.ZONE).toOffsetDateTime());
        return body;
    }

    static Map<String, Object> answer(FeedbackPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", plan.answer());
        body.put("answeredAt", plan.answeredAt().atZone(OfficeHours.ZONE).toOffsetDateTime());
        return body;
    }
}
