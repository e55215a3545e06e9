package vn.province.govtrack.command.applicant;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.province.govtrack.command.web.CommandSender;
import vn.province.govtrack.kernel.applicant.ApplicantDataErasedEvent;
import vn.province.govtrack.kernel.applicant.ApplicantIds;
import vn.province.govtrack.kernel.applicant.EraseApplicantDataCommand;
import vn.province.govtrack.personaldata.PersonalData;
import vn.province.govtrack.web.ProblemException;
import vn.province.govtrack.web.ProblemType;

/**
 * Erasure of an applicant's personal data on a lawful request, under {@code /api/v1/applicants}.
 * The dossiers, their history and the statistics stay; what was sealed under the applicant's key
 * becomes unreadable everywhere at once, because readers open sealed records with the key store on
 * every read (docs/adr/0004-personal-data.md).
 */
@Tag(name = "applicants", description = "Erasure of an applicant's personal data")
@RestController
@RequestMapping("/api/v1/applicants")
class ApplicantController {

    private final PersonalData personalData;
    private final CommandSender commands;
    private final Clock clock;

    ApplicantController(PersonalData personalData, CommandSender commands, Clock clock) {
        this.personalData = personalData;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * 204 once the applicant's key is destroyed; 404 when no readable data of this ID number is held
     * (never seen, or erased already); 400 for anything but 12 digits. The erasure is recorded first
     * ({@code ApplicantDataErasedEvent}, key id only) and the key destroyed second, so a failure in
     * between leaves the key in place and a retry completes it; answers never echo the ID number.
     * Times are kept to the millisecond, as the key store records them. A retry answered from the
     * recorded erasure (Idempotency-Key) destroys the recorded key, if it still lives, and answers 204.
     */
    @DeleteMapping("/{idNumber}")
    @Operation(summary = "Erase an applicant's personal data everywhere, keeping history and figures")
    ResponseEntity<Void> erase(@PathVariable @Pattern(regexp = ApplicantIds.ID_NUMBER_PATTERN,
                                                      message = "must be 12 digits") String idNumber) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApplicantDataErasedEvent erased = commands.send(
                () -> new EraseApplicantDataCommand(
                        personalData.liveKeyIdOf(idNumber).orElseThrow(ApplicantController::notFound), now),
                ApplicantDataErasedEvent.class).answer();
        personalData.destroyKey(erased.keyId(), erased.erasedAt());
        return ResponseEntity.noContent().build();
    }

    private static ProblemException notFound() {
        return ProblemType.APPLICANT_NOT_FOUND
                .exception("no readable personal data is held for this ID number (never submitted, or erased already)")
                .at(URI.create("/api/v1/applicants")); // not the request path, which holds the ID number
    }
}
