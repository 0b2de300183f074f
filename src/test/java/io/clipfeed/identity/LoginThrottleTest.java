package io.clipfeed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(null, new IdentitySettings(Duration.ofDays(30),
            Duration.ofSeconds(30), 5, 50, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15)),
            Clock.systemUTC());

    @Test
    void delayDoublesWithEachFailureBeyondTheFreeOnesUpToTheCap() {
        assertThat(throttle.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delay(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }
}
