package vn.province.govtrack.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Local tokens go only to requests that name this machine: a rebound foreign name is refused. */
class DevTokenHostTest {

    @Test
    void localhost_and_loopback_addresses_are_this_machine() {
        assertThat(addressed("localhost")).isTrue();
        assertThat(addressed("LOCALHOST")).isTrue();
        assertThat(addressed("127.0.0.1")).isTrue();
        assertThat(addressed("127.1.2.3")).isTrue();
        assertThat(addressed("[::1]")).isTrue();
    }

    @Test
    void any_other_name_or_address_is_not() {
        assertThat(addressed("evil.example")).isFalse();
        assertThat(addressed("localhost.evil.example")).isFalse();
        assertThat(addressed("127.0.0.1.nip.io")).isFalse();
        assertThat(addressed("10.0.0.5")).isFalse();
        assertThat(addressed("[2001:db8::1]")).isFalse();
        assertThat(addressed("")).isFalse();
    }

    private static boolean addressed(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/dev/tokens");
        request.setServerName(host);
        return DevTokenController.addressedToLoopback(request);
    }
}
