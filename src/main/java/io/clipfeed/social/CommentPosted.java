package io.clipfeed.social;

import java.time.Instant;

/** A comment ({@code parentId} null) or a reply was posted on a video. */
public record CommentPosted(String commentId, String videoId, String authorId, String parentId, Instant at) {
}
