package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What {@code ./run} says before it starts anything: its help names every option and variable of
 * supervision and instances, and options it cannot honour are refused with exit status 2 and a reason.
 */
class RunOptionsIT {

    @Test
    void help_documents_instances_supervision_no_build_and_the_environment_overrides() {
        RunScript.Ended help = RunScript.runToEnd(Map.of("GOVTRACK_BASE_PORT", "9081"), "--help");

        assertThat(help.status()).isZero();
        assertThat(help.output())
                .contains("--instances N", "--no-build", "Supervision:", "GOVTRACK_BASE_PORT", "GOVTRACK_DATA_DIR",
                          "data/logs/run.log", "data/run/<part>.pid", "SIGKILL")
                .contains("the second command side on 9083, the second query side on 9084");
    }

    @Test
    void an_instance_count_that_is_not_a_positive_whole_number_in_decimal_is_refused() {
        for (String count : new String[] {"0", "two", "-1", "08", "010"}) {
            RunScript.Ended refused = RunScript.runToEnd(Map.of(), "--instances", count, "--no-build");

            assertThat(refused.status()).as("--instances %s", count).isEqualTo(2);
            assertThat(refused.output()).contains("--instances needs a whole number of at least 1");
        }
    }

    @Test
    void ports_beyond_the_last_port_number_are_refused_before_anything_starts() {
        RunScript.Ended refused = RunScript.runToEnd(Map.of("GOVTRACK_BASE_PORT", "65533"), "--instances", "2",
                                                     "--no-build");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.output()).contains("GOVTRACK_BASE_PORT must be a port number with room for 4 consecutive ports");
    }
}
