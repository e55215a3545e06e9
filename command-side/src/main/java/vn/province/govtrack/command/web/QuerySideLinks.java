package vn.province.govtrack.command.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the resources a command creates can be read: on the query side, whose base URL is
 * {@code govtrack.query-side.base-url} (environment {@code GOVTRACK_QUERY_BASE_URL}; the address
 * API clients reach it at, which behind a proxy is the proxy's). Every {@code Location} header the
 * command side answers is one of these absolute URLs.
 */
@Component
public class QuerySideLinks {

    private final String baseUrl;

    QuerySideLinks(@Value("${govtrack.query-side.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public URI dossier(String dossierId) {
        return link("/api/v1/dossiers/{id}", dossierId);
    }

    public URI unit(String code) {
        return link("/api/v1/units/{code}", code);
    }

    public URI procedure(String code) {
        return link("/api/v1/procedures/{code}", code);
    }

    public URI staff(String staffId) {
        return link("/api/v1/staff/{id}", staffId);
    }

    public URI feedback(String feedbackId) {
        return link("/api/v1/feedback/{id}", feedbackId);
    }

    private URI link(String path, String id) {
        return UriComponentsBuilder.fromUriString(baseUrl).path(path).buildAndExpand(id).encode().toUri();
    }
}
