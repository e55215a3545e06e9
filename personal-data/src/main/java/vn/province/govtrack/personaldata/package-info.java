/**
 * Applicants' personal data, erasable by crypto-shredding: each applicant's data is sealed with
 * AES-256-GCM under a key of its own, kept in a key collection apart from the events; erasure
 * destroys the key. The core uses the JDK, Jackson and the MongoDB driver only; the Spring Boot
 * wiring is in {@code spring}.
 */
package vn.province.govtrack.personaldata;
