package vn.province.govtrack.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;

/**
 * A media type some endpoints answer besides JSON, declared as a bean by the service that serves it:
 * the {@code Accept} check lets requests for it through to those endpoints (GET only) and still answers
 * 406 for it everywhere else. Errors stay {@code application/problem+json} whatever was asked for.
 *
 * @param type  the media type, e.g. {@code text/csv}
 * @param paths Ant-style patterns of the request paths, within the context path, that answer it
 */
public record AlsoAnswered(MediaType type, List<String> paths) {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    public AlsoAnswered {
        paths = List.copyOf(paths);
    }

    /** Whether a GET of {@code path} may be answered in this type. */
    boolean answers(String method, String path) {
        return "GET".equals(method) && paths.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }
}
