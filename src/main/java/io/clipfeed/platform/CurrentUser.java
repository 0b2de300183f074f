package io.clipfeed.platform;

import java.util.Set;

/** The authenticated caller of a request, as resolved from a bearer token or session cookie. */
public record CurrentUser(String id, String username, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Moderators and admins may act on content they do not own. */
    public boolean isStaff() {
        return roles.contains(Role.MODERATOR) || roles.contains(Role.ADMIN);
    }

    /** True when this user owns the resource or is staff. */
    public boolean mayManage(String ownerId) {
        return id.equals(ownerId) || isStaff();
    }
}
