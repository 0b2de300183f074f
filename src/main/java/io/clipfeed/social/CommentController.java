package io.clipfeed.social;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.social.CommentRows.Order;
import io.clipfeed.social.CommentRows.Row;

/** Comments of a video, replies of a comment, and posting, editing and deleting them. */
@RestController
class CommentController {

    record NewComment(String text, String parentId) {
    }

    record CommentEdit(String text) {
    }

    private final CommentRows rows;
    private final Commenting commenting;
    private final VisibleVideos videos;
    private final UserCards cards;

    CommentController(CommentRows rows, Commenting commenting, VisibleVideos videos, UserCards cards) {
        this.rows = rows;
        this.commenting = commenting;
        this.videos = videos;
        this.cards = cards;
    }

    @GetMapping("/api/v1/videos/{id}/comments")
    Page<Comment> list(@PathVariable String id, @RequestParam(defaultValue = "newest") String sort,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        Video video = videos.require(id);
        Order order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "newest" -> Order.newest;
            case "top" -> Order.top;
            default -> throw ApiProblem.badRequest("sort must be newest or top.");
        };
        int size = Keyset.limit(limit);
        return Page.of(rows.topLevel(video.id(), order, Keyset.decode(cursor), size + 1), size, Row::position,
                this::views);
    }

    @GetMapping("/api/v1/comments/{id}/replies")
    Page<Comment> replies(@PathVariable String id, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        Row parent = visible(id);
        int size = Keyset.limit(limit);
        return Page.of(rows.replies(parent.id(), Keyset.decode(cursor), size + 1), size, Row::position,
                this::views);
    }

    @PostMapping("/api/v1/videos/{id}/comments")
    ResponseEntity<Comment> post(@PathVariable String id, @RequestBody NewComment body) {
        CurrentUser me = CurrentUsers.require();
        Video video = videos.require(id);
        Row comment = commenting.post(video, me.id(), body.text(), body.parentId());
        return ResponseEntity.status(HttpStatus.CREATED).body(views(List.of(comment)).get(0));
    }

    @PatchMapping("/api/v1/comments/{id}")
    Comment edit(@PathVariable String id, @RequestBody CommentEdit body) {
        CurrentUser me = CurrentUsers.require();
        return views(List.of(commenting.edit(visible(id), me, body.text()))).get(0);
    }

    @DeleteMapping("/api/v1/comments/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        Row comment = visible(id);
        Video video = videos.require(comment.videoId());
        if (!comment.authorId().equals(me.id()) && !me.mayManage(video.creatorId())) {
            throw ApiProblem.forbidden("Only the author, the video's creator or a moderator can delete this comment.");
        }
        commenting.delete(comment);
        return ResponseEntity.noContent().build();
    }

    /** A comment on a video the caller may see; 404 otherwise. */
    private Row visible(String id) {
        Row comment = rows.find(id).orElseThrow(() -> ApiProblem.notFound("No comment has this id."));
        if (!videos.canView(comment.videoId(), CurrentUsers.current().orElse(null))) {
            throw ApiProblem.notFound("No comment has this id.");
        }
        return comment;
    }

    private List<Comment> views(List<Row> page) {
        Map<String, UserCard> authors = new HashMap<>();
        return page.stream().map(c -> new Comment(c.id(), c.videoId(), c.parentId(),
                cards.cardOrGone(c.authorId(), authors), c.text(), c.mentions(), c.replyCount(), c.createdAt(),
                c.editedAt(), false)).toList();
    }
}
