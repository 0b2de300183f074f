package io.clipfeed.catalog;

/** What is known about a video when its upload is created. */
public record NewVideo(String creatorId, String title, String description, Visibility visibility,
        String filename) {
}
