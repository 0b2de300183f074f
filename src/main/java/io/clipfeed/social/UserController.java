package io.clipfeed.social;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** Follows and blocks between users, and the lists they make. */
@RestController
class UserController {

    record FollowState(boolean following, long followers) {
    }

    private final Follows follows;
    private final Blocks blocks;
    private final Blocking blocking;
    private final Accounts accounts;
    private final UserCards cards;

    UserController(Follows follows, Blocks blocks, Blocking blocking, Accounts accounts, UserCards cards) {
        this.follows = follows;
        this.blocks = blocks;
        this.blocking = blocking;
        this.accounts = accounts;
        this.cards = cards;
    }

    @PutMapping("/api/v1/users/{id}/follow")
    FollowState follow(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        return new FollowState(true, follows.follow(me.id(), existing(id)));
    }

    @DeleteMapping("/api/v1/users/{id}/follow")
    FollowState unfollow(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        return new FollowState(false, follows.unfollow(me.id(), existing(id)));
    }

    @GetMapping("/api/v1/users/{id}/followers")
    Page<UserCard> followers(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        int size = Keyset.limit(limit);
        return users(follows.followers(existing(id), Keyset.decode(cursor), size + 1), size);
    }

    @GetMapping("/api/v1/users/{id}/following")
    Page<UserCard> following(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        int size = Keyset.limit(limit);
        return users(follows.following(existing(id), Keyset.decode(cursor), size + 1), size);
    }

    @PutMapping("/api/v1/users/{id}/block")
    Map<String, Boolean> block(@PathVariable String id) {
        blocking.block(CurrentUsers.require().id(), existing(id));
        return Map.of("blocked", true);
    }

    @DeleteMapping("/api/v1/users/{id}/block")
    Map<String, Boolean> unblock(@PathVariable String id) {
        blocking.unblock(CurrentUsers.require().id(), existing(id));
        return Map.of("blocked", false);
    }

    @GetMapping("/api/v1/me/blocks")
    Page<UserCard> myBlocks(@RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        CurrentUser me = CurrentUsers.require();
        int size = Keyset.limit(limit);
        return users(blocks.blockedBy(me.id(), Keyset.decode(cursor), size + 1), size);
    }

    private Page<UserCard> users(List<Keyset> rows, int size) {
        return Page.of(rows, size, k -> k, page -> cards.cards(page.stream().map(Keyset::id).toList()));
    }

    private String existing(String userId) {
        Ids.requireWellFormed(userId, "user");
        if (accounts.find(userId).isEmpty()) {
            throw ApiProblem.notFound("No user has this id.");
        }
        return userId;
    }
}
