package vn.province.govtrack.command.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The configurable rules of the dossier lifecycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DossierConfiguration.DossierProperties.class)
class DossierConfiguration {

    @Bean
    SupplementPolicy supplementPolicy(DossierProperties properties) {
        return new SupplementPolicy(properties.supplementDeadlineWorkingDays());
    }

    /**
     * {@code govtrack.dossier.*}: {@code supplement-deadline-working-days}, the working days an
     * applicant has to answer a supplement request (assumed default 30; see {@link SupplementPolicy}).
     */
    @ConfigurationProperties("govtrack.dossier")
    record DossierProperties(@DefaultValue("30") int supplementDeadlineWorkingDays) {
    }
}
