package vn.province.govtrack.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** How the seeding's report shows the national index the query side answers. */
class ProvinceFiguresTest {

    @Test
    void the_index_shows_the_provinces_score_its_groups_and_the_spread_of_the_ranked_units() throws Exception {
        String answer = """
                {"period":"2025-07","knownAt":null,"maxScore":100,
                 "province":{"score":87.35,"pointsLost":12.65,"groups":[
                   {"group":"DISCLOSURE","maxPoints":18,"points":16.5},{"group":"PROGRESS","maxPoints":20,"points":19.4}]},
                 "units":[{"rank":1,"unitCode":"PH-03","score":93.1},{"rank":2,"unitCode":"XA-010","score":88.0},
                          {"rank":3,"unitCode":"XA-077","score":71.25},{"rank":null,"unitCode":"SO-13","score":100}]}""";

        assertThat(ProvinceFigures.index(new ObjectMapper().readTree(answer))).containsExactly(
                "  province 87.35 / 100:   DISCLOSURE 16.5/18   PROGRESS 19.4/20",
                "  3 units ranked: best 93.1 (PH-03), median 88.0, worst 71.25 (XA-077)");
    }
}
