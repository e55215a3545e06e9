package vn.province.govtrack.simulator.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A command the end-to-end tests run to its end fails the test when it does not end, and leaves no process. */
class RunScriptTest {

    @TempDir
    Path directory;

    @Test
    void aCommandThatEndsIsAnsweredWithItsStatusAndOutput() {
        RunScript.Ended ended = RunScript.runToEnd(new ProcessBuilder("sh", "-c", "echo said; echo more >&2; exit 3")
                                                           .redirectErrorStream(true), Duration.ofSeconds(60), "ends");

        assertThat(ended.status()).isEqualTo(3);
        assertThat(ended.output()).isEqualTo("said\nmore\n");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a timeout that does not work fails here instead of hanging
    void aCommandThatNeverEndsFailsAfterItsTimeoutAndIsKilledWithWhatItStarted() throws Exception {
        Path childPid = directory.resolve("child.pid");
        // a script that starts a child which outlives a plain kill of the script, as ./run starts its JVMs
        ProcessBuilder hangs = new ProcessBuilder("sh", "-c", "echo started; sleep 600 & echo $! > " + childPid
                                                             + "; wait").redirectErrorStream(true);
        long started = System.nanoTime();

        AssertionError failure = catchThrowableOfType(AssertionError.class,
                                                      () -> RunScript.runToEnd(hangs, Duration.ofSeconds(2), "hangs"));

        assertThat(failure).hasMessageContaining("did not end within 2 s").hasMessageContaining("started");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(50));
        long child = Long.parseLong(Files.readString(childPid).strip());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("the script's child").isEmpty();
    }
}
