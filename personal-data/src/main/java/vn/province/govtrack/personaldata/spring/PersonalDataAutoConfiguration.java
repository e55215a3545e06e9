package vn.province.govtrack.personaldata.spring;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoClient;

import vn.province.govtrack.personaldata.ApplicantKeys;
import vn.province.govtrack.personaldata.ApplicantSealer;
import vn.province.govtrack.personaldata.LookupHash;
import vn.province.govtrack.personaldata.MongoApplicantKeys;
import vn.province.govtrack.personaldata.PersonalData;

/**
 * Gives any Spring Boot service that depends on this module {@link PersonalData} over the key
 * collection in the database Spring Boot's Mongo client points at ({@code spring.data.mongodb.*}).
 * Without {@code govtrack.personal-data.lookup-pepper} the service can open sealed records but not
 * seal or erase by ID number.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class)
@EnableConfigurationProperties({PersonalDataProperties.class, MongoProperties.class})
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ApplicantSealer applicantSealer() {
        return new ApplicantSealer();
    }

    @Bean
    @ConditionalOnMissingBean
    public ApplicantKeys applicantKeys(MongoClient mongoClient, MongoProperties mongoProperties,
                                       PersonalDataProperties properties, ApplicantSealer sealer,
                                       ObjectProvider<Clock> clock) {
        LookupHash lookupHash = properties.lookupPepper() == null || properties.lookupPepper().isBlank()
                ? null : new LookupHash(properties.lookupPepper());
        return new MongoApplicantKeys(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()), lookupHash,
                                      sealer, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    public PersonalData personalData(ApplicantKeys keys, ApplicantSealer sealer) {
        return new PersonalData(keys, sealer);
    }
}
