package io.clipfeed.social;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A user as lists show them. The avatar URL always works: it serves a generated default without an upload. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserCard(String id, String username, String avatarUrl, String bio) {

    static String avatarUrl(String userId) {
        return "/api/v1/users/" + userId + "/avatar";
    }
}
