package io.clipfeed.identity;

import java.time.Duration;

/** What a registration or sign-in attempt came to; the web edge maps each case to its status. */
sealed interface AuthOutcome {

    record SignedIn(Account account, AccessTokens.Issued token) implements AuthOutcome {
    }

    record Invalid(String field, String reason) implements AuthOutcome {
    }

    record UsernameTaken() implements AuthOutcome {
    }

    record BadCredentials() implements AuthOutcome {
    }

    record Throttled(Duration retryAfter) implements AuthOutcome {
    }
}
