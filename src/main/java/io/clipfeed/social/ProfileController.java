package io.clipfeed.social;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** Profiles by id and by username, and editing one's own bio and likes privacy. */
@RestController
class ProfileController {

    record ProfileEdit(String bio, Boolean likesPublic) {
    }

    private final Accounts accounts;
    private final Profiles profiles;
    private final ProfileViews views;
    private final SocialSettings settings;

    ProfileController(Accounts accounts, Profiles profiles, ProfileViews views, SocialSettings settings) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.views = views;
        this.settings = settings;
    }

    @GetMapping("/api/v1/users/{id}/profile")
    ProfileViews.Profile byId(@PathVariable String id) {
        Ids.requireWellFormed(id, "user");
        return views.of(accounts.find(id).orElseThrow(() -> ApiProblem.notFound("No user has this id.")));
    }

    @GetMapping("/api/v1/users/by-name/{username}/profile")
    ProfileViews.Profile byName(@PathVariable String username) {
        Account account = username.length() > 30 ? null : accounts.findByUsername(username).orElse(null);
        if (account == null) {
            throw ApiProblem.notFound("No user has this name.");
        }
        return views.of(account);
    }

    @PatchMapping("/api/v1/me/profile")
    ProfileViews.Profile edit(@RequestBody ProfileEdit edit) {
        CurrentUser me = CurrentUsers.require();
        Profiles.Settings current = profiles.of(me.id());
        String bio = edit.bio() == null ? current.bio() : edit.bio().strip();
        if (bio.codePointCount(0, bio.length()) > settings.maxBioLength()) {
            throw ApiProblem.badRequest("A bio is at most " + settings.maxBioLength() + " characters.");
        }
        boolean likesPublic = edit.likesPublic() == null ? current.likesPublic() : edit.likesPublic();
        profiles.save(me.id(), new Profiles.Settings(bio, likesPublic));
        return views.of(accounts.find(me.id()).orElseThrow(() -> ApiProblem.notFound("No user has this id.")));
    }
}
