package vn.province.govtrack.query.admin;

import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import vn.province.govtrack.query.web.Paging;

@Tag(name = "projections")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLettersController {

    private static final int DEFAULT_SIZE = 50;

    private final DeadLetters deadLetters;

    DeadLettersController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @param totalElements how many events are parked in all (of the projection asked for)
     * @param next          the following page's path, or null on the last page
     */
    @Schema(example = """
            {"content": [{"id": "4f0c9d2e-7b1a-4c55-9e0d-2a6b8c3f1e77", "projection": "dossiers",
            "sequenceId": "HS42-0000035", "indexInSequence": 0, "position": 12995,
            "type": "DossierReceivedEvent", "eventId": "01a23c56-525e-7000-b27f-fe64253e81c6",
            "aggregateId": "HS42-0000035", "causeType": "java.lang.IllegalStateException",
            "causeMessage": "no procedure 1.000163 in the read model", "queuedBehind": false,
            "enqueuedAt": "2025-07-11T10:41:53+07:00", "lastTouched": "2025-07-11T10:41:56+07:00",
            "attempts": 3}], "page": 0, "size": 50, "totalElements": 1, "totalPages": 1}""")
    record DeadLetterPage(List<DeadLetter> content, int page, int size, long totalElements, long totalPages,
                          String next) {
    }

    @GetMapping
    @Operation(summary = "The events the projections have parked as dead letters",
               description = "An event a projection's handler failed on govtrack.query.dead-letters.attempts times "
                       + "(3) with an error other than a database error is parked with the later events of its stream "
                       + "(queuedBehind), while the projection goes on with the other streams. Oldest first; "
                       + "projection= keeps one projection's; page (from 0) and size (1-1000, default 50), next for "
                       + "the following page. 400 an unknown projection or a page out of range.")
    DeadLetterPage deadLetters(@RequestParam(required = false) @Size(max = 100) String projection,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size) {
        Paging paging = Paging.of(page, size);
        Paging.Page<DeadLetter> found = deadLetters.page(projection == null || projection.isBlank() ? null
                                                                 : projection.trim(), paging);
        return new DeadLetterPage(found.content(), page, size, found.total(), paging.pages(found.total()),
                                  paging.next(found.total()));
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Retry a parked event's whole stream, in order",
               description = "Hands the first parked event of the letter's sequence (its stream) to the projection's "
                       + "handlers again, then each one after it, on the instance asked, until one fails again or none "
                       + "is left. Fix the cause first. 200 with outcome PROCESSED (none left) or STILL_FAILING (the "
                       + "first still parked, with its new cause and attempts), processed and remaining; 404 "
                       + "dead-letter-not-found for an unknown id; 409 while another retry of the sequence runs. A "
                       + "retry of a timeliness letter also rebuilds every instance's timeliness index.")
    DeadLetters.Retry retry(@PathVariable @Size(max = 100) String id) {
        return deadLetters.retry(id);
    }
}
