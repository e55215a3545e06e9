package vn.province.govtrack.command.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static vn.province.govtrack.security.EndpointRule.allow;
import static vn.province.govtrack.security.Role.ADMIN;
import static vn.province.govtrack.security.Role.CLERK;
import static vn.province.govtrack.security.Role.HOME_AFFAIRS;
import static vn.province.govtrack.security.Role.UNIT_HEAD;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.province.govtrack.security.EndpointRule;
import vn.province.govtrack.security.EndpointRules;

/**
 * Which role may give which command (docs/adr/0003-authorisation.md); the first rule matching a
 * request decides, and a request none matches is refused. Whether a clerk or unit head may act on
 * a particular dossier, by its current unit, is the dossier's own decision
 * ({@code Dossier#actOnlyForOwnUnit}), as whether one may act on a piece of feedback is the feedback's
 * ({@code Feedback#actOnlyForOwnUnit}). AUDITOR and CLIENT give no command.
 */
@Component
public class CommandEndpointRules implements EndpointRules {

    private static final String OWN_UNIT = "Only for a dossier currently at the caller's unit (else 403).";

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                allow(POST, "/api/v1/units", ADMIN),
                allow(POST, "/api/v1/units/*/dissolution", ADMIN),
                allow(PUT, "/api/v1/units/*/quotas/*", HOME_AFFAIRS).because("Province-wide."),
                allow(PUT, "/api/v1/calendar/holidays/*", ADMIN),
                allow(POST, "/api/v1/procedures", ADMIN),
                allow(POST, "/api/v1/procedures/*/updates", ADMIN),
                allow(POST, "/api/v1/dossiers/*/extensions", UNIT_HEAD).because(OWN_UNIT),
                allow(POST, "/api/v1/dossiers/*/transfers", UNIT_HEAD).because(OWN_UNIT),
                allow(POST, "/api/v1/dossiers", CLERK, UNIT_HEAD).because("To the caller's own unit only (else 403)."),
                allow(POST, "/api/v1/dossiers/*/*", CLERK, UNIT_HEAD).because(OWN_UNIT),
                allow(POST, "/api/v1/feedback/*/answer", UNIT_HEAD)
                        .because("Only for feedback about the caller's unit (else 403)."),
                allow(POST, "/api/v1/feedback", CLERK, UNIT_HEAD)
                        .because("Only about the caller's own unit (else 403)."),
                allow(null, "/api/v1/staff/**", HOME_AFFAIRS).because("Province-wide."),
                allow(DELETE, "/api/v1/applicants/*", ADMIN),
                // exists in the local profile only (web-edge's DevTokenController); elsewhere a 404
                EndpointRule.open(POST, "/dev/tokens"));
    }
}
