package vn.province.govtrack.personaldata.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of applicants' personal data ({@code govtrack.personal-data.*}).
 *
 * @param lookupPepper the secret under which ID numbers are hashed to find an applicant's key, at
 *                     least 32 characters; only the service that seals and erases (the command side)
 *                     needs it. Changing it orphans every existing key: applicants seen before get a
 *                     new key, and erasure by ID number no longer finds the old one.
 */
@ConfigurationProperties("govtrack.personal-data")
public record PersonalDataProperties(String lookupPepper) {
}
