package vn.province.govtrack.query.dossier;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.query.applicant.ApplicantDisclosure;
import vn.province.govtrack.query.applicant.ApplicantView;
import vn.province.govtrack.query.applicant.PersonalDataReader;

/**
 * Writes dossier views as responses for one reader: the applicant opened for a reader who may see
 * it (one key-store query for the whole page), left out for everyone else.
 */
@Component
public class DossierResponses {

    private final ApplicantDisclosure disclosure;
    private final Clock clock;

    DossierResponses(ApplicantDisclosure disclosure, Clock clock) {
        this.disclosure = disclosure;
        this.clock = clock;
    }

    public DossierResponse of(DossierView view, PersonalDataReader reader) {
        return all(List.of(view), reader).get(0);
    }

    public List<DossierResponse> all(List<DossierView> views, PersonalDataReader reader) {
        List<SealedApplicant> visible = views.stream().filter(view -> reader.sees(view.unitCode()))
                                             .map(DossierView::applicant).filter(Objects::nonNull).toList();
        Map<SealedApplicant, ApplicantView> opened = visible.isEmpty() ? Map.of() : disclosure.open(visible);
        return views.stream()
                    .map(view -> DossierResponse.of(view, clock.getZone(),
                            reader.sees(view.unitCode()) && view.applicant() != null
                                    ? opened.get(view.applicant()) : null))
                    .toList();
    }
}
