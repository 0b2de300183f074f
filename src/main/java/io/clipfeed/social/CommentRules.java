package io.clipfeed.social;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.social.Comment.Mention;
import io.clipfeed.social.CommentRows.Row;

/** The checks a comment passes before it is stored; each failure is a problem with a sentence. */
@Component
class CommentRules {

    private final CommentRows rows;
    private final Blocks blocks;
    private final Mentions mentions;
    private final WriteLimits limits;
    private final SocialSettings settings;

    CommentRules(CommentRows rows, Blocks blocks, Mentions mentions, WriteLimits limits, SocialSettings settings) {
        this.rows = rows;
        this.blocks = blocks;
        this.mentions = mentions;
        this.limits = limits;
        this.settings = settings;
    }

    String checkedText(String typed) {
        String text = typed == null ? "" : typed.strip();
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > settings.maxCommentLength()) {
            throw ApiProblem.badRequest("A comment is 1 to " + settings.maxCommentLength() + " characters.");
        }
        return text;
    }

    /** The top-level comment of the same video a reply answers. */
    Row parentOf(Video video, String parentId, String authorId) {
        Row parent = rows.find(parentId).filter(p -> p.videoId().equals(video.id()))
                .orElseThrow(() -> ApiProblem.badRequest("parentId must be a comment of this video."));
        if (parent.parentId() != null) {
            throw ApiProblem.badRequest("Replies go to a top-level comment: reply to its parent instead.");
        }
        if (blocks.between(parent.authorId(), authorId)) {
            throw ApiProblem.forbidden(Commenting.BLOCKED);
        }
        return parent;
    }

    void checkNotBlocked(Video video, String authorId) {
        if (blocks.between(video.creatorId(), authorId)) {
            throw ApiProblem.forbidden(Commenting.BLOCKED);
        }
    }

    void checkNotSpam(Video video, String authorId, String text, Instant now) {
        if (rows.postedRecently(authorId, video.id(), text, now.minus(settings.duplicateWindow()))) {
            throw ApiProblem.conflict("You already posted this comment here.");
        }
        limits.comment(authorId);
    }

    List<Mention> mentions(String text, String authorId) {
        return mentions.resolve(text, authorId);
    }

    Duration editWindow() {
        return settings.editWindow();
    }
}
