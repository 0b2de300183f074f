package io.clipfeed.identity;

import java.util.Optional;
import java.util.Set;

import io.clipfeed.platform.Role;

/** The identity module's public façade. */
public interface Accounts {

    Optional<Account> find(String userId);

    Optional<Account> findByUsername(String username);

    /**
     * Creates the account if the username is free, otherwise returns the existing one unchanged (used for
     * seeding demo users and the admin account at start).
     */
    Account ensure(String username, String password, Set<Role> roles);
}
