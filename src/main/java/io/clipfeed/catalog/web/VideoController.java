package io.clipfeed.catalog.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoAccess;
import io.clipfeed.catalog.VideoEdit;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/**
 * One video: read, edit, delete. Anything the caller may not see answers 404 exactly like a missing video, so
 * private videos cannot be discovered by probing ids; a visible video the caller may not change answers 403.
 */
@RestController
@RequestMapping("/api/v1/videos/{id}")
class VideoController {

    record EditRequest(String title, String description, String visibility) {
    }

    private final Catalog catalog;
    private final VideoViews views;

    VideoController(Catalog catalog, VideoViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @GetMapping
    VideoView get(@PathVariable String id) {
        return views.of(visible(id));
    }

    @PatchMapping
    VideoView edit(@PathVariable String id, @RequestBody EditRequest body) {
        Video video = manageable(id);
        VideoEdit edit;
        try {
            edit = new VideoEdit(body.title(), body.description(), visibility(body.visibility()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        return catalog.edit(video.id(), edit).map(views::of).orElseThrow(VideoController::missing);
    }

    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String id) {
        Video video = manageable(id);
        CurrentUser caller = CurrentUsers.require();
        String reason = caller.id().equals(video.creatorId()) ? "deleted by its creator"
                : "deleted by " + caller.username();
        catalog.transition(video.id(), VideoStatus.DELETED, reason);
        return ResponseEntity.noContent().build();
    }

    private Video visible(String id) {
        Ids.requireWellFormed(id, "video");
        CurrentUser viewer = CurrentUsers.current().orElse(null);
        return catalog.find(id).filter(v -> VideoAccess.canView(v, viewer)).orElseThrow(VideoController::missing);
    }

    private Video manageable(String id) {
        CurrentUser caller = CurrentUsers.require();
        Video video = visible(id);
        if (!caller.mayManage(video.creatorId())) {
            throw ApiProblem.forbidden("Only the creator or a moderator can change this video.");
        }
        return video;
    }

    private static Visibility visibility(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("visibility must be public, unlisted or private.");
        }
    }

    static ApiProblem missing() {
        return ApiProblem.notFound("No video has this id.");
    }
}
