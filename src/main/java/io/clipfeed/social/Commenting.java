package io.clipfeed.social;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.catalog.Video;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.Db;
import io.clipfeed.platform.Ids;
import io.clipfeed.social.Comment.Mention;
import io.clipfeed.social.CommentRows.Row;
import io.clipfeed.social.Counters.VideoCount;
import io.clipfeed.social.Notifications.Type;

/**
 * Posting, editing and deleting comments, with their rules: two levels, length bounds, a spam guard (the same
 * text twice within minutes; a burst limit), blocks, mentions and notifications. The comment count moves in the
 * transaction that adds or removes the rows.
 */
@Service
class Commenting {

    static final String BLOCKED = "You cannot comment on this video.";

    private final CommentRows rows;
    private final CommentRules rules;
    private final Counters counters;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Commenting(CommentRows rows, CommentRules rules, Counters counters, Notifications notifications,
            ApplicationEventPublisher events, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.rules = rules;
        this.counters = counters;
        this.notifications = notifications;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    Row post(Video video, String authorId, String typed, String parentId) {
        Instant now = clock.instant();
        Row parent = parentId == null ? null : rules.parentOf(video, parentId, authorId);
        String text = rules.checkedText(typed);
        rules.checkNotBlocked(video, authorId);
        rules.checkNotSpam(video, authorId, text, now);
        List<Mention> mentions = rules.mentions(text, authorId);
        Row comment = new Row(Ids.newId(), video.id(), parentId, authorId, text, mentions, 0, now, null);
        counters.withRows(() -> counters.ensureVideo(video.id()), () -> tx.execute(status -> {
            if (parent != null && jdbc.sql("update comments set reply_count = reply_count + 1 where id = :p")
                    .param("p", parent.id()).update() != 1) {
                throw ApiProblem.notFound("The comment you reply to was deleted.");
            }
            rows.insert(comment);
            notifyAbout(comment, video, parent);
            events.publishEvent(new CommentPosted(comment.id(), video.id(), authorId, parentId, now));
            counters.add(video.id(), VideoCount.comments, 1);
            return null;
        }));
        return comment;
    }

    private void notifyAbout(Row c, Video video, Row parent) {
        Set<String> told = new HashSet<>();
        if (parent != null && told.add(parent.authorId())) {
            notifications.send(parent.authorId(), Type.replied, c.authorId(), video.id(), c.id(), c.text());
        }
        if (told.add(video.creatorId())) {
            notifications.send(video.creatorId(), Type.commented, c.authorId(), video.id(), c.id(), c.text());
        }
        for (Mention m : c.mentions()) {
            if (told.add(m.id())) {
                notifications.send(m.id(), Type.mentioned, c.authorId(), video.id(), c.id(), c.text());
            }
        }
    }

    Row edit(Row comment, CurrentUser editor, String typed) {
        if (!comment.authorId().equals(editor.id())) {
            throw ApiProblem.forbidden("Only the author can edit a comment.");
        }
        Instant now = clock.instant();
        if (now.isAfter(comment.createdAt().plus(rules.editWindow()))) {
            throw ApiProblem.conflict("A comment can be edited only within " + rules.editWindow().toMinutes()
                    + " minutes of posting.");
        }
        String text = rules.checkedText(typed);
        List<Mention> mentions = rules.mentions(text, editor.id());
        jdbc.sql("update comments set body = :b, mentions = :m, edited_at = :t where id = :id")
                .param("b", text).param("m", CommentRows.encode(mentions)).param("t", Db.ts(now))
                .param("id", comment.id()).update();
        return new Row(comment.id(), comment.videoId(), comment.parentId(), comment.authorId(), text, mentions,
                comment.replyCount(), comment.createdAt(), now);
    }

    /** Deletes the comment with its replies (and the notifications about them); idempotent. */
    void delete(Row comment) {
        counters.withRows(() -> counters.ensureVideo(comment.videoId()), () -> tx.execute(status -> {
            if (comment.parentId() != null) {
                // lock the parent before the reply, the order posting a reply takes too
                jdbc.sql("update comments set reply_count = reply_count - 1 where id = :p")
                        .param("p", comment.parentId()).update();
            }
            jdbc.sql("delete from notifications where comment_id = :c or comment_id in "
                    + "(select id from comments where parent_id = :c)").param("c", comment.id()).update();
            if (jdbc.sql("delete from comments where id = :c").param("c", comment.id()).update() == 0) {
                status.setRollbackOnly();
                return null;
            }
            // a separate statement, so replies committed while we waited for the parent's lock are seen too
            int replies = jdbc.sql("delete from comments where parent_id = :c").param("c", comment.id()).update();
            counters.add(comment.videoId(), VideoCount.comments, -(1 + replies));
            return null;
        }));
    }
}
