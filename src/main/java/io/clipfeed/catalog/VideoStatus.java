package io.clipfeed.catalog;

/**
 * The video lifecycle (DESIGN.md §1). {@code PLAYABLE} means at least one rendition plays (instant publish); the
 * ladder may still be running. Allowed transitions are enforced by the catalog's state machine.
 */
public enum VideoStatus {
    UPLOADING, UPLOADED, PROCESSING, PLAYABLE, PUBLISHED, REJECTED, FAILED, DELETED
}
