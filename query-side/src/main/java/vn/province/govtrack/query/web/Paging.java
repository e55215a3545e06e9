package vn.province.govtrack.query.web;

import java.util.List;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

import vn.province.govtrack.web.ProblemType;

/** A page of a list answer: {@code page} from 0, at most {@code size} items. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 1000;

    public static Paging of(int page, int size) {
        if (page < 0) {
            throw ProblemType.INVALID_INPUT.exception("page must be >= 0 (the first page is 0); got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemType.INVALID_INPUT.exception("size must be between 1 and " + MAX_SIZE + "; got " + size);
        }
        return new Paging(page, size);
    }

    public <T> List<T> slice(List<T> all) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** The path and query of the next page of this request, or null when this page is the last. */
    public String next(int total) {
        if ((long) (page + 1) * size >= total) {
            return null;
        }
        UriComponents next = ServletUriComponentsBuilder.fromCurrentRequest()
                                                        .replaceQueryParam("page", page + 1)
                                                        .replaceQueryParam("size", size)
                                                        .build();
        return next.getPath() + "?" + next.getQuery();
    }
}
