package vn.province.govtrack.query.index766;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.OptionalLong;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * The ledger is ready once it has replayed up to the head its processor found at start, even when no later
 * event ever comes: a quiet store, a restart at night, a restored backup.
 */
class Index766HealthIndicatorTest {

    @Test
    void axons_replay_token_still_says_replay_after_the_last_event_it_was_reset_at() {
        TrackingToken start = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(112), null);

        TrackingToken atTheHead = ((ReplayToken) start).advancedTo(new GlobalSequenceTrackingToken(112));

        assertThat(ReplayToken.isReplay(atTheHead)).as("why the health cannot wait for the replay flag").isTrue();
    }

    @Test
    void a_segment_at_or_past_its_reset_position_has_caught_up_and_one_behind_it_has_not() {
        assertThat(Index766HealthIndicator.caughtUp(segment(true, 112L, 112L))).isTrue();
        assertThat(Index766HealthIndicator.caughtUp(segment(true, 111L, 112L))).isFalse();
        assertThat(Index766HealthIndicator.caughtUp(segment(true, null, 112L))).as("nothing processed yet").isFalse();
        assertThat(Index766HealthIndicator.caughtUp(segment(false, 113L, null))).isTrue();
        assertThat(Index766HealthIndicator.caughtUp(segment(false, null, null))).as("an empty store").isTrue();
    }

    private static EventTrackerStatus segment(boolean replaying, Long position, Long resetAt) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isReplaying()).thenReturn(replaying);
        when(status.getCurrentPosition()).thenReturn(position == null ? OptionalLong.empty() : OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(resetAt == null ? OptionalLong.empty() : OptionalLong.of(resetAt));
        return status;
    }
}
