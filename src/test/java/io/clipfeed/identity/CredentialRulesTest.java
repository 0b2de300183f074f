package io.clipfeed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    @Test
    void usernamesAreLowerCasedAndLimitedToTheAllowedCharacters() {
        assertThat(CredentialRules.normalize("  Alice.B_1 ")).isEqualTo("alice.b_1");
        assertThat(CredentialRules.usernameProblem("alice.b_1")).isEmpty();
        assertThat(CredentialRules.usernameProblem("ab")).isPresent();
        assertThat(CredentialRules.usernameProblem("a".repeat(31))).isPresent();
        assertThat(CredentialRules.usernameProblem("a".repeat(30))).isEmpty();
        assertThat(CredentialRules.usernameProblem("al ice")).isPresent();
        assertThat(CredentialRules.usernameProblem("../etc")).isPresent();
        assertThat(CredentialRules.usernameProblem(".alice")).isPresent();
        assertThat(CredentialRules.usernameProblem("ali..ce")).isPresent();
        assertThat(CredentialRules.usernameProblem("ålice")).isPresent();
    }

    @Test
    void reservedNamesAreRecognised() {
        assertThat(CredentialRules.isReserved("admin")).isTrue();
        assertThat(CredentialRules.isReserved("alice")).isFalse();
    }

    @Test
    void passwordsNeedTenCharactersAtMost128BytesAndMustDifferFromTheUsername() {
        assertThat(CredentialRules.passwordProblem("alice", "123456789")).isPresent();
        assertThat(CredentialRules.passwordProblem("alice", "1234567890")).isEmpty();
        assertThat(CredentialRules.passwordProblem("alice", "é".repeat(64))).isEmpty();
        assertThat(CredentialRules.passwordProblem("alice", "é".repeat(65))).as("130 bytes").isPresent();
        assertThat(CredentialRules.passwordProblem("alice.long", "Alice.Long")).isPresent();
        assertThat(CredentialRules.passwordProblem("alice", null)).isPresent();
    }
}
