package vn.province.govtrack.simulator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    @Test
    void the_gc_log_gives_the_heap_after_the_latest_collection_and_after_the_latest_full_one(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("gc-123.log");
        Files.writeString(file, """
                [0.010s][info][gc] Using Serial
                [5.120s][info][gc] GC(0) Pause Young (Allocation Failure) 69M->12M(247M) 15.123ms
                [9.400s][info][gc] GC(1) Pause Full (System.gc()) 80M->41M(247M) 120.5ms
                """);
        ProcessProbe.GcLog log = new ProcessProbe.GcLog(file);

        assertThat(log.read()).isEqualTo(new ProcessProbe.GcLog.Heap(41, 41, 2, 1));

        Files.writeString(file, "[12.0s][info][gc] GC(2) Pause Young (Allocation Failure) 300M->60M(989M) 9.0ms\n"
                                + "[12.5s][info][gc] GC(3) Pause Young (Allocation Fail", java.nio.file.StandardOpenOption.APPEND);

        assertThat(log.read()).as("read on from where it stopped; a line still being written waits")
                .isEqualTo(new ProcessProbe.GcLog.Heap(60, 41, 3, 1));
    }

    @Test
    void a_jvm_that_has_not_collected_yet_has_no_heap_after_gc(@TempDir Path dir) {
        ProcessProbe.GcLog.Heap heap = new ProcessProbe.GcLog(dir.resolve("gc-1.log")).read();

        assertThat(heap.afterLastMib()).isNaN();
        assertThat(heap.afterLastFullMib()).isNaN();
        assertThat(heap.collections()).isZero();
    }

    @Test
    void sizes_in_kib_and_gib_are_read_in_mib() {
        ProcessProbe.GcLog log = new ProcessProbe.GcLog(Path.of("unused"));
        log.add("[1.0s][info][gc] GC(0) Pause Young (Allocation Failure) 2048K->512K(8192K) 1.0ms");
        assertThat(log.read().afterLastMib()).isEqualTo(0.5);
        log.add("[2.0s][info][gc] GC(1) Pause Full (Allocation Failure) 2G->1G(2G) 900.0ms");
        assertThat(log.read().afterLastFullMib()).isEqualTo(1024);
    }

    @Test
    void only_established_connections_count_by_their_local_port() {
        List<ProcessProbe.TcpConnection> connections = ProcessProbe.TcpConnection.parse(List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:6A35 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
                "   1: 0100007F:6A35 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 2 1",
                "   2: 0100007F:A1B2 0100007F:6A35 01 00000000:00000000 00:00000000 00000000     0        0 3 1",
                "   3: 0100007F:4739 0100007F:C000 06 00000000:00000000 00:00000000 00000000     0        0 4 1"));

        assertThat(connections).containsExactly(new ProcessProbe.TcpConnection(27189, 41394),
                                                new ProcessProbe.TcpConnection(41394, 27189));
    }
}
