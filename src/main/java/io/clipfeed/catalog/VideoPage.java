package io.clipfeed.catalog;

import java.util.List;

/** One page of videos; {@code nextCursor} is opaque and null on the last page. */
public record VideoPage(List<Video> items, String nextCursor) {
}
