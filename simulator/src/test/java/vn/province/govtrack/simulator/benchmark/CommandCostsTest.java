package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandCostsTest {

    @Test
    void cpu_time_is_user_plus_system_ticks_even_when_the_process_name_holds_spaces() {
        String stat = "4242 (java main thread) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 566 0 0 20 0 40 0 100";

        assertThat(CommandCosts.cpuSeconds(stat)).isEqualTo(18.0);
    }

    @Test
    void the_table_gives_database_commands_and_cpu_per_http_command_and_the_cost_of_a_key() {
        var with = new CommandCosts.Cost(true, 1000, 10, Map.of("insert", 3000.0, "find", 2000.0),
                                         Map.of("mongo", 4.0, "command", 6.0));
        var without = new CommandCosts.Cost(false, 1000, 8, Map.of("insert", 2000.0, "find", 1000.0),
                                            Map.of("mongo", 3.0, "command", 5.0));

        String table = CommandCosts.table(List.of(with, without));

        assertThat(table).contains("| with key | 1,000 | 100 | 5.00 | 2.00 | 3.00 |")
                         .contains("| without key | 1,000 | 125 | 3.00 | 1.00 | 2.00 |")
                         .contains("+2.00 database commands and +2.00 ms of CPU per command; throughput 0.80 x");
    }

    @Test
    void options_are_checked() {
        assertThat(CommandCosts.parse("--dossiers", "10", "--rounds=2").dossiers()).isEqualTo(10);
        assertThat(CommandCosts.parse("--help")).isNull();
        assertThatThrownBy(() -> CommandCosts.parse("--dossiers", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandCosts.parse("--colour", "red")).isInstanceOf(IllegalArgumentException.class);
    }
}
