package io.clipfeed.feed;

/** A video chosen for a page, with the reason it was chosen. */
record Pick(Listing listing, Reason reason) {

    String videoId() {
        return listing.videoId();
    }

    String creatorId() {
        return listing.creatorId();
    }
}
