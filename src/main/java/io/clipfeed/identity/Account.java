package io.clipfeed.identity;

import java.time.Instant;
import java.util.Set;

import io.clipfeed.platform.Role;

/** A registered user as other modules see it (never with credentials). */
public record Account(String id, String username, Set<Role> roles, Instant createdAt) {
}
