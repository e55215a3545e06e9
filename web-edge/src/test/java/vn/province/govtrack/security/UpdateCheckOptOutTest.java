package vn.province.govtrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class UpdateCheckOptOutTest {

    @AfterEach
    void forget() {
        System.clearProperty(UpdateCheckOptOut.PROPERTY);
    }

    @Test
    void axons_update_checker_is_off_unless_an_operator_said_otherwise() {
        System.clearProperty(UpdateCheckOptOut.PROPERTY);
        new UpdateCheckOptOut().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
        assertThat(System.getProperty(UpdateCheckOptOut.PROPERTY)).isEqualTo("true");

        System.setProperty(UpdateCheckOptOut.PROPERTY, "false");
        new UpdateCheckOptOut().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
        assertThat(System.getProperty(UpdateCheckOptOut.PROPERTY)).isEqualTo("false");
    }
}
