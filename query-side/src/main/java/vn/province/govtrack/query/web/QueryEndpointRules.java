package vn.province.govtrack.query.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static vn.province.govtrack.security.EndpointRule.allow;
import static vn.province.govtrack.security.Role.ADMIN;
import static vn.province.govtrack.security.Role.AUDITOR;
import static vn.province.govtrack.security.Role.CLERK;
import static vn.province.govtrack.security.Role.CLIENT;
import static vn.province.govtrack.security.Role.HOME_AFFAIRS;
import static vn.province.govtrack.security.Role.UNIT_HEAD;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.province.govtrack.security.EndpointRule;
import vn.province.govtrack.security.EndpointRules;
import vn.province.govtrack.security.Role;

/**
 * Which role may read what (docs/adr/0003-authorisation.md); the first rule matching a request
 * decides, and a request none matches is refused. AUDITOR reads everything; CLIENT reads the
 * projections that hold no personal data (staff names are personal data); a clerk or unit head
 * reads its own unit's dossiers only, which the dossier queries check ({@link UnitScope}), and the feedback
 * about its own unit only (the same). The
 * dashboard's page and assets are open: they hold no data, every call they make carries a token.
 */
@Component
class QueryEndpointRules implements EndpointRules {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                allow(GET, "/api/v1/dossiers", CLERK, UNIT_HEAD, AUDITOR, CLIENT)
                        .because("A CLERK or UNIT_HEAD sees its own unit's dossiers only: another unitCode is a 403."),
                allow(GET, "/api/v1/dossiers/*", CLERK, UNIT_HEAD, AUDITOR, CLIENT)
                        .because("A CLERK or UNIT_HEAD reading another unit's dossier gets a 403."),
                allow(GET, "/api/v1/feedback", CLERK, UNIT_HEAD, HOME_AFFAIRS, ADMIN, AUDITOR)
                        .because("Not CLIENT: a subject is a citizen's free text, which may name someone. A CLERK or "
                                 + "UNIT_HEAD its own unit's only (another unitCode is a 403)."),
                allow(GET, "/api/v1/feedback/*", CLERK, UNIT_HEAD, HOME_AFFAIRS, ADMIN, AUDITOR)
                        .because("A CLERK or UNIT_HEAD reading feedback about another unit gets a 403."),
                allow(GET, "/api/v1/units", Role.values()).because("Reference data without personal data: every role."),
                allow(GET, "/api/v1/units/*", Role.values()),
                allow(GET, "/api/v1/procedures", Role.values()),
                allow(GET, "/api/v1/procedures/*", Role.values()),
                allow(GET, "/api/v1/timeliness/**", Role.values())
                        .because("Statistics without personal data: every role."),
                allow(GET, "/api/v1/index-766", Role.values())
                        .because("The national index: statistics without personal data, every role."),
                allow(GET, "/api/v1/index-766/**", Role.values()),
                allow(GET, "/api/v1/personnel/audit", HOME_AFFAIRS, AUDITOR, CLIENT),
                allow(GET, "/api/v1/personnel/rebalancing", HOME_AFFAIRS, AUDITOR, CLIENT),
                allow(GET, "/api/v1/personnel/**", HOME_AFFAIRS, AUDITOR).because("Lists named staff."),
                allow(GET, "/api/v1/staff/**", HOME_AFFAIRS, AUDITOR).because("Named staff: no CLIENT."),
                allow(GET, "/api/v1/audit/**", AUDITOR),
                allow(POST, "/api/v1/admin/projections/*/rebuild", ADMIN),
                allow(GET, "/api/v1/admin/dead-letters", ADMIN)
                        .because("Parked events carry their payloads' types and causes: operators only."),
                allow(POST, "/api/v1/admin/dead-letters/*/retry", ADMIN),
                allow(GET, "/api/v1/admin/projections/**", ADMIN, AUDITOR),
                allow(GET, "/api/v1/projections/stream", Role.values())
                        .because("Projection names and positions only, no personal data: every role, as the "
                                 + "statistics."),
                // exists in the local profile only (web-edge's DevTokenController); elsewhere a 404
                EndpointRule.open(POST, "/dev/tokens"),
                // whether the line above is served here, which the dashboard's sign-in page asks first
                EndpointRule.open(GET, "/dashboard/config"),
                EndpointRule.open(GET, "/"),
                EndpointRule.open(GET, "/index.html"),
                EndpointRule.open(GET, "/dashboard/**"),
                EndpointRule.open(GET, "/webjars/**"));
    }
}
