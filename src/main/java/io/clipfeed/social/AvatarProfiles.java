package io.clipfeed.social;

import org.springframework.stereotype.Component;

/** What PUT/DELETE /me/avatar answer with: the caller's profile. */
@Component
class AvatarProfiles {

    Object of(String userId) {
        return AvatarController.minimal(userId);
    }
}
