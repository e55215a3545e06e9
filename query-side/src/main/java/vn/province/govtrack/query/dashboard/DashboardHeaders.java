package vn.province.govtrack.query.dashboard;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on the dashboard's page and assets: scripts, styles, images and
 * calls from this origin only, no inline script or style, no framing. The page is written for it (no
 * inline code, the charts library served from the jar), so an injected script would not run. The API's
 * answers are JSON and need none.
 */
@Component
class DashboardHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                 + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
                                 + "frame-ancestors 'none'";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        chain.doFilter(request, response);
    }
}
