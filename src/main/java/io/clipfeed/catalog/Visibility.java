package io.clipfeed.catalog;

/** Who may see a video: everyone (and feeds), anyone with the link, or only its creator. */
public enum Visibility {
    PUBLIC, UNLISTED, PRIVATE
}
