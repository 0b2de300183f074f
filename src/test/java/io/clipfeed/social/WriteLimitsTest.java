package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import io.clipfeed.platform.ApiProblem;

class WriteLimitsTest {

    static SocialSettings settings(int perUser, int perIp, int comments) {
        return new SocialSettings(perUser, perIp, comments, 500, Duration.ofMinutes(5), Duration.ofMinutes(10), 10,
                160, 2000, Duration.ofHours(1), Duration.ofMinutes(10));
    }

    @Test
    void aUserOverTheLimitGets429WithRetryAfterWhileOthersGoOn() {
        WriteLimits limits = new WriteLimits(settings(2, 1000, 10));
        limits.write("alice", "10.0.0.1");
        limits.write("alice", "10.0.0.1");
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> limits.write("alice", "10.0.0.1"));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.getBody().getDetail()).contains("too fast");
        assertThatCode(() -> limits.write("bob", "10.0.0.1")).doesNotThrowAnyException();
    }

    @Test
    void anAddressOverTheLimitIsRefusedWhateverTheUser() {
        WriteLimits limits = new WriteLimits(settings(1000, 3, 10));
        limits.write("a", "10.0.0.2");
        limits.write("b", "10.0.0.2");
        limits.write(null, "10.0.0.2");
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> limits.write("c", "10.0.0.2"));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThatCode(() -> limits.write("c", "10.0.0.3")).doesNotThrowAnyException();
    }

    @Test
    void commentsHaveTheirOwnTighterLimit() {
        WriteLimits limits = new WriteLimits(settings(1000, 1000, 2));
        limits.comment("alice");
        limits.comment("alice");
        assertThat(catchThrowableOfType(ApiProblem.class, () -> limits.comment("alice")).getStatusCode().value())
                .isEqualTo(429);
    }
}
