package vn.province.govtrack.query.applicant;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.personaldata.Disclosure;
import vn.province.govtrack.personaldata.PersonalData;

/**
 * Opens sealed applicants for a response, at read time: the read models and the events keep them
 * sealed, so an erasure (the key's destruction) shows at once on every instance and in every
 * rebuild. Keys are read once per response ({@code $in} over the key ids) and kept no longer.
 */
@Component
public class ApplicantDisclosure {

    private final PersonalData personalData;
    private final Clock clock;

    ApplicantDisclosure(PersonalData personalData, Clock clock) {
        this.personalData = personalData;
        this.clock = clock;
    }

    /** How each of {@code sealed} is shown to a reader allowed to see personal data; nulls are left out. */
    public Map<SealedApplicant, ApplicantView> open(Collection<SealedApplicant> sealed) {
        Map<SealedApplicant, ApplicantView> shown = new HashMap<>();
        personalData.openAll(sealed).forEach((one, disclosure) -> shown.put(one, viewOf(disclosure)));
        return shown;
    }

    private ApplicantView viewOf(Disclosure disclosure) {
        if (disclosure instanceof Disclosure.Clear clear) {
            return ApplicantView.clear(clear.applicant());
        }
        if (disclosure instanceof Disclosure.Erased erased) {
            return ApplicantView.erased(erased.erasedAt().atZone(clock.getZone()).toOffsetDateTime());
        }
        return ApplicantView.UNREADABLE;
    }
}
