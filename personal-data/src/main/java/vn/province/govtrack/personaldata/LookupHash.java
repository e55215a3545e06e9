package vn.province.govtrack.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the key store finds an applicant's key without holding the ID number: HMAC-SHA256 of the ID
 * number under a secret pepper. There are only 10^12 ID numbers, so a plain hash could be reversed
 * by trying them all; without the pepper the lookup values reveal nothing.
 */
public final class LookupHash {

    /** The shortest pepper accepted: 32 characters, enough entropy for an HMAC key when random. */
    public static final int MIN_PEPPER_LENGTH = 32;

    private final SecretKeySpec pepper;

    public LookupHash(String pepper) {
        if (pepper == null || pepper.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("the lookup pepper must have at least " + MIN_PEPPER_LENGTH
                                            + " characters");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Lower-case hex of HMAC-SHA256(pepper, idNumber). */
    public String of(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
