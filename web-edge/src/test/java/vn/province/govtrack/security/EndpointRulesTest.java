package vn.province.govtrack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import org.junit.jupiter.api.Test;

class EndpointRulesTest {

    private final EndpointRules rules = () -> List.of(
            EndpointRule.allow(POST, "/api/v1/dossiers/*/extensions", Role.UNIT_HEAD),
            EndpointRule.allow(POST, "/api/v1/dossiers/*/*", Role.CLERK, Role.UNIT_HEAD),
            EndpointRule.open(POST, "/dev/tokens"));

    @Test
    void the_first_rule_that_matches_a_request_decides_it() {
        assertThat(rules.ruleFor(POST, "/api/v1/dossiers/HS-1/extensions"))
                .hasValueSatisfying(rule -> {
                    assertThat(rule.allows(Role.UNIT_HEAD)).isTrue();
                    assertThat(rule.allows(Role.CLERK)).isFalse();
                });
        assertThat(rules.ruleFor(POST, "/api/v1/dossiers/HS-1/receipt"))
                .hasValueSatisfying(rule -> assertThat(rule.allows(Role.CLERK)).isTrue());
    }

    @Test
    void a_request_no_rule_names_has_none_and_an_open_rule_allows_every_role() {
        assertThat(rules.ruleFor(GET, "/api/v1/dossiers/HS-1/receipt")).isEmpty();
        assertThat(rules.ruleFor(POST, "/api/v1/dossiers/HS-1/receipt/again")).isEmpty();
        assertThat(rules.ruleFor(POST, "/dev/tokens")).hasValueSatisfying(rule -> assertThat(rule.allows(Role.CLIENT)).isTrue());
    }
}
