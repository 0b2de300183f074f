package io.clipfeed.social;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A comment or reply as the API shows it. {@code text} is exactly what was typed: escaping is the renderer's job. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Comment(String id, String videoId, String parentId, UserCard author, String text, List<Mention> mentions,
        int replyCount, Instant createdAt, Instant editedAt, boolean deleted) {

    record Mention(String id, String username) {
    }
}
