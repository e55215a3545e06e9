package vn.province.govtrack.command.applicant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import vn.province.govtrack.personaldata.LookupHash;

/**
 * The command side seals and erases applicants by ID number, which needs the lookup pepper
 * ({@code GOVTRACK_LOOKUP_PEPPER}): without a usable one the service refuses to start, rather than
 * failing every submission. Only the local profile ({@code ./run}) has a built-in development pepper.
 */
@Configuration(proxyBeanMethods = false)
class LookupPepperRequirement {

    LookupPepperRequirement(@Value("${govtrack.personal-data.lookup-pepper:}") String pepper) {
        if (pepper.length() < LookupHash.MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("govtrack.personal-data.lookup-pepper (GOVTRACK_LOOKUP_PEPPER) must be a "
                                            + "random secret of at least " + LookupHash.MIN_PEPPER_LENGTH
                                            + " characters, never changed once dossiers are recorded");
        }
    }
}
