package vn.province.govtrack.query.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What the dashboard's sign-in page needs to know before anyone signs in: {@code GET /dashboard/config}
 * answers whether this service mints local tokens ({@code POST /dev/tokens}, web-edge's
 * {@code DevTokenController}, mapped in the {@code local} profile only), so the page shows its role picker
 * or asks for a token. Open, as the page is, and holds nothing but that flag.
 *
 * <p>Not in the API document ({@code @Hidden}): it is the page's own detail, like its scripts and
 * dictionaries, not an operation a client of the API calls.
 */
@Hidden
@RestController
class DashboardConfigController {

    private static final String DEV_TOKENS = "/dev/tokens";

    private final RequestMappingHandlerMapping handlers;

    DashboardConfigController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    /** @param devTokens whether {@code POST /dev/tokens} is served here */
    record DashboardConfig(boolean devTokens) {
    }

    @GetMapping("/dashboard/config")
    DashboardConfig config() {
        // asks the mapping itself rather than the profile, so the answer cannot drift from what is served
        boolean devTokens = handlers.getHandlerMethods().keySet().stream().anyMatch(
                info -> info.getPatternValues().contains(DEV_TOKENS)
                        && info.getMethodsCondition().getMethods().contains(RequestMethod.POST));
        return new DashboardConfig(devTokens);
    }
}
