package vn.province.govtrack.query.web;

import java.util.List;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The one way a list answer of the query side is paged: {@code page} from 0, at most {@code size}
 * items, {@code size} at most {@value #MAX_SIZE} on every list. A page or size out of range is the
 * same 400 {@code invalid-parameter} on every list, and so is a cursor's {@code limit} out of range.
 * A read model answers a page from {@link #offset()} and {@link #size()}; the controller tells the
 * client how to get the next one.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 1000;

    /** @throws org.springframework.web.ErrorResponseException 400 when page or size is out of range */
    public static Paging of(int page, int size) {
        if (page < 0) {
            throw Problems.invalidParameter("page must be >= 0 (the first page is 0); got " + page);
        }
        return new Paging(page, checkedSize("size", size));
    }

    /**
     * The {@code limit} of a list read by cursor rather than by page: the same range as {@code size}.
     *
     * @throws org.springframework.web.ErrorResponseException 400 when it is out of range
     */
    public static int limit(int limit) {
        return checkedSize("limit", limit);
    }

    private static int checkedSize(String name, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw Problems.invalidParameter(name + " must be between 1 and " + MAX_SIZE + "; got " + size);
        }
        return size;
    }

    /** How many items precede this page. */
    public long offset() {
        return (long) page * size;
    }

    /** This page of a list held whole: for lists whose items are computed, not stored (see each use). */
    public <T> List<T> slice(List<T> all) {
        if (offset() >= all.size()) {
            return List.of();
        }
        return all.subList((int) offset(), (int) Math.min(all.size(), offset() + size));
    }

    /** Whether items follow this page, of {@code total} in all. */
    public boolean hasNext(long total) {
        return offset() + size < total;
    }

    /** How many pages {@code total} items fill. */
    public long pages(long total) {
        return (total + size - 1) / size;
    }

    /** The path and query of the next page of this request, or null when this page is the last. */
    public String next(long total) {
        if (!hasNext(total)) {
            return null;
        }
        UriComponents next = ServletUriComponentsBuilder.fromCurrentRequest()
                                                        .replaceQueryParam("page", page + 1)
                                                        .replaceQueryParam("size", size)
                                                        .build();
        return next.getPath() + "?" + next.getQuery();
    }

    /**
     * One page of a list a read model answered.
     *
     * @param total how many items the list has in all
     */
    public record Page<T>(List<T> content, long total) {

        public Page {
            content = List.copyOf(content);
        }
    }
}
