package vn.province.govtrack.command.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void provinceDefaultIsEightToNoonAndOneToFiveInHoChiMinhTime() {
        assertThat(WorkingHours.PROVINCE_DEFAULT.zone()).isEqualTo(ZONE);
        assertThat(WorkingHours.PROVINCE_DEFAULT.sessions()).containsExactly(
                new WorkingHours.Session(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new WorkingHours.Session(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        assertThat(WorkingHours.PROVINCE_DEFAULT.opening()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    void aSessionReadsAsStartDashEnd() {
        assertThat(WorkingHours.Session.parse(" 07:30-11:30 "))
                .isEqualTo(new WorkingHours.Session(LocalTime.of(7, 30), LocalTime.of(11, 30)));
    }

    @Test
    void aSessionMustStartBeforeItEnds() {
        assertThatThrownBy(() -> WorkingHours.Session.parse("12:00-08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingHours.Session.parse("08:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionsMustBeInOrderAndMustNotOverlap() {
        List<WorkingHours.Session> overlapping = List.of(WorkingHours.Session.parse("08:00-12:00"),
                                                         WorkingHours.Session.parse("11:00-17:00"));
        assertThatThrownBy(() -> new WorkingHours(ZONE, overlapping)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingHours(ZONE, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
