package vn.province.govtrack.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The one paging rule of every list the query side answers. */
class PagingTest {

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void pagesStartAtZeroAndHoldOneToAThousandItems() {
        assertThat(Paging.of(0, 1)).isEqualTo(new Paging(0, 1));
        assertThat(Paging.of(7, Paging.MAX_SIZE)).isEqualTo(new Paging(7, 1000));
        assertThat(Paging.limit(Paging.MAX_SIZE)).isEqualTo(1000);
    }

    @Test
    void aPageOrSizeOutOfRangeIsTheSameBadRequestOnEveryList() {
        assertInvalid(() -> Paging.of(-1, 10), "page must be >= 0");
        assertInvalid(() -> Paging.of(0, 0), "size must be between 1 and 1000; got 0");
        assertInvalid(() -> Paging.of(0, 1001), "size must be between 1 and 1000; got 1001");
        assertInvalid(() -> Paging.limit(0), "limit must be between 1 and 1000; got 0");
        assertInvalid(() -> Paging.limit(1001), "limit must be between 1 and 1000; got 1001");
    }

    @Test
    void aPageStartsAfterThePagesBeforeItAndSaysWhetherMoreFollow() {
        Paging third = Paging.of(2, 5);

        assertThat(third.offset()).isEqualTo(10);
        assertThat(third.hasNext(15)).isFalse();
        assertThat(third.hasNext(16)).isTrue();
        assertThat(third.pages(16)).isEqualTo(4);
        assertThat(third.pages(15)).isEqualTo(3);
        assertThat(third.pages(0)).isZero();
        assertThat(Paging.of(Integer.MAX_VALUE, Paging.MAX_SIZE).offset()).isPositive();
    }

    @Test
    void aSliceOfAListHeldWholeIsThePagesItemsOrNothingPastTheEnd() {
        List<Integer> twelve = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        assertThat(Paging.of(1, 5).slice(twelve)).containsExactly(5, 6, 7, 8, 9);
        assertThat(Paging.of(2, 5).slice(twelve)).containsExactly(10, 11);
        assertThat(Paging.of(3, 5).slice(twelve)).isEmpty();
        assertThat(Paging.of(Integer.MAX_VALUE, 5).slice(twelve)).isEmpty();
    }

    @Test
    void theNextPageKeepsTheRequestsFiltersAndIsNullOnTheLastPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/personnel/audit");
        request.setQueryString("state=SHORTAGE&size=2");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(Paging.of(0, 2).next(3)).isEqualTo("/api/v1/personnel/audit?state=SHORTAGE&page=1&size=2");
        assertThat(Paging.of(1, 2).next(3)).isNull();
    }

    private static void assertInvalid(Runnable paging, String detail) {
        assertThatThrownBy(paging::run).isInstanceOfSatisfying(ErrorResponseException.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(problem.getBody().getType().toString()).endsWith("/invalid-parameter");
            assertThat(problem.getBody().getDetail()).startsWith(detail);
        });
    }
}
