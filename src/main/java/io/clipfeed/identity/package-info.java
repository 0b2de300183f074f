/**
 * Accounts, password hashing, opaque bearer tokens and sessions, roles (user, moderator, admin) and login throttling.
 */
@ApplicationModule(displayName = "identity", allowedDependencies = {"platform"})
package io.clipfeed.identity;

import org.springframework.modulith.ApplicationModule;
