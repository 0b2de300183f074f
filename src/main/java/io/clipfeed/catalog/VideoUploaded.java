package io.clipfeed.catalog;

/** The source file of a video is completely uploaded and stored; media processing starts on this. */
public record VideoUploaded(String videoId, String sourceBlobKey) {
}
