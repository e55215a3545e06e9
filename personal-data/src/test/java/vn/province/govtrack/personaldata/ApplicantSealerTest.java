package vn.province.govtrack.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.province.govtrack.kernel.applicant.SealedApplicant;
import vn.province.govtrack.kernel.dossier.Applicant;

class ApplicantSealerTest {

    private static final Applicant AN = new Applicant("001203004567", "Nguyễn Văn An", "0912345678");

    private final ApplicantSealer sealer = new ApplicantSealer();
    private final ApplicantKey key = new ApplicantKey("key-1", sealer.newKey());

    @Test
    void a_sealed_applicant_opens_under_its_key_to_the_same_applicant() {
        SealedApplicant sealed = sealer.seal(AN, key);

        assertThat(sealed.keyId()).isEqualTo("key-1");
        assertThat(sealer.open(sealed, key)).isEqualTo(AN);
    }

    @Test
    void an_applicant_without_a_phone_round_trips_too() {
        Applicant noPhone = new Applicant("001203004567", "Trần Thị Bình", null);

        assertThat(sealer.open(sealer.seal(noPhone, key), key)).isEqualTo(noPhone);
    }

    @Test
    void the_sealed_form_contains_none_of_the_personal_data() {
        SealedApplicant sealed = sealer.seal(AN, key);
        String decoded = new String(Base64.getDecoder().decode(sealed.ciphertext()),
                                    StandardCharsets.ISO_8859_1);

        assertThat(sealed.toString() + decoded).doesNotContain("001203004567", "0912345678", "Nguy", "An\"");
    }

    @Test
    void an_altered_ciphertext_does_not_open() {
        SealedApplicant sealed = sealer.seal(AN, key);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length / 2] ^= 0x01;
        SealedApplicant altered = new SealedApplicant("key-1", Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> sealer.open(altered, key)).isInstanceOf(UnreadableApplicantException.class);
    }

    @Test
    void a_ciphertext_moved_to_another_key_id_does_not_open_even_under_the_same_key_bytes() {
        SealedApplicant sealed = sealer.seal(AN, key);
        ApplicantKey sameBytesOtherId = new ApplicantKey("key-2", key.key());

        assertThatThrownBy(() -> sealer.open(new SealedApplicant("key-2", sealed.ciphertext()), sameBytesOtherId))
                .isInstanceOf(UnreadableApplicantException.class);
    }

    @Test
    void a_ciphertext_does_not_open_under_another_applicants_key() {
        SealedApplicant sealed = sealer.seal(AN, key);
        ApplicantKey other = new ApplicantKey("key-1", sealer.newKey());

        assertThatThrownBy(() -> sealer.open(sealed, other)).isInstanceOf(UnreadableApplicantException.class);
    }

    @Test
    void a_record_that_names_another_key_is_refused_before_decrypting() {
        SealedApplicant sealed = sealer.seal(AN, key);

        assertThatThrownBy(() -> sealer.open(sealed, new ApplicantKey("key-9", key.key())))
                .isInstanceOf(UnreadableApplicantException.class);
    }

    @Test
    void garbage_and_truncated_ciphertexts_are_unreadable_not_errors() {
        assertThatThrownBy(() -> sealer.open(new SealedApplicant("key-1", "not base64 !"), key))
                .isInstanceOf(UnreadableApplicantException.class);
        assertThatThrownBy(() -> sealer.open(new SealedApplicant("key-1", "AAAA"), key))
                .isInstanceOf(UnreadableApplicantException.class);
        assertThatThrownBy(() -> sealer.open(new SealedApplicant("key-1", null), key))
                .isInstanceOf(UnreadableApplicantException.class);
    }

    @Test
    void every_seal_uses_a_fresh_nonce_so_equal_applicants_never_give_equal_ciphertexts() {
        Set<String> nonces = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String ciphertext = sealer.seal(AN, key).ciphertext();
            ciphertexts.add(ciphertext);
            byte[] bytes = Base64.getDecoder().decode(ciphertext);
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, ApplicantSealer.NONCE_BYTES)));
        }

        assertThat(nonces).hasSize(1_000);
        assertThat(ciphertexts).hasSize(1_000);
    }

    @Test
    void a_key_never_shows_its_bytes_in_text() {
        assertThat(key.toString()).isEqualTo("ApplicantKey[key-1]");
    }
}
