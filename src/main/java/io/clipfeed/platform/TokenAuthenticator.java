package io.clipfeed.platform;

import java.util.Optional;

/**
 * Resolves an opaque token (bearer header or session cookie) to its user. Implemented by {@code identity};
 * declared here so the security filter chain in platform does not depend on identity.
 */
public interface TokenAuthenticator {
    Optional<CurrentUser> authenticate(String rawToken);
}
