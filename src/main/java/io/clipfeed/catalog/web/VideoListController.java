package io.clipfeed.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.VideoPage;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** A creator's videos: everything for the creator (with status and progress), listed videos for everyone else. */
@RestController
class VideoListController {

    record Page(List<VideoView> items, String nextCursor) {
    }

    private final Catalog catalog;
    private final Accounts accounts;
    private final VideoViews views;

    VideoListController(Catalog catalog, Accounts accounts, VideoViews views) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.views = views;
    }

    @GetMapping("/api/v1/users/{id}/videos")
    Page byUser(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        Ids.requireWellFormed(id, "user");
        if (accounts.find(id).isEmpty()) {
            throw ApiProblem.notFound("No user has this id.");
        }
        boolean own = CurrentUsers.current().map(u -> u.mayManage(id)).orElse(false);
        return page(id, own, cursor, limit);
    }

    @GetMapping("/api/v1/me/videos")
    Page mine(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        CurrentUser me = CurrentUsers.require();
        return page(me.id(), true, cursor, limit);
    }

    private Page page(String creatorId, boolean includeHidden, String cursor, int limit) {
        if (limit < 1 || limit > 50) {
            throw ApiProblem.badRequest("limit must be between 1 and 50.");
        }
        // a malformed cursor is the cursor codec's 400 problem (platform.PageCursor)
        VideoPage page = catalog.byCreator(creatorId, includeHidden, cursor, limit);
        return new Page(page.items().stream().map(views::of).toList(), page.nextCursor());
    }
}
