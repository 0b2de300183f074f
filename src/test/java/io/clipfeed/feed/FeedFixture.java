package io.clipfeed.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.clipfeed.TestUsers;
import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Rendition;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the feed ITs need: published videos (through catalog, with a recorded MP4 rendition so delivery hands out
 * play info), other modules' events published as they publish them (in a transaction), and GETs of feed pages.
 */
final class FeedFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    FeedFixture(int port, Catalog catalog, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.port = port;
        this.catalog = catalog;
        this.events = events;
        this.tx = tx;
    }

    Video publish(String creatorId, String title, String description) {
        Video v = catalog.create(new NewVideo(creatorId, title, description, Visibility.PUBLIC, "clip.mp4"));
        catalog.markUploaded(v.id(), TestUsers.randomHex(32), 1234);
        catalog.transition(v.id(), VideoStatus.PROCESSING, null);
        catalog.recordRendition(v.id(), new Rendition(null, "mp4", "avc1.64001f", 540, 960, 1_000_000, 300_000,
                TestUsers.randomHex(32), null, null, 40_000L));
        return catalog.transition(v.id(), VideoStatus.PLAYABLE, null); // post-moderation publishes at once
    }

    void publishEvent(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
    }

    JsonNode get(String path, String bearer) {
        return get(path, bearer, 200);
    }

    JsonNode get(String path, String bearer, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every item of a feed, page after page (at most {@code maxPages}). */
    List<JsonNode> all(String path, String bearer, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode body = get(path + (cursor == null ? "" : sep + "cursor=" + cursor), bearer);
            body.get("items").forEach(items::add);
            JsonNode next = body.get("nextCursor"); // absent on the last page
            cursor = next == null || next.isNull() ? null : next.asString();
            if (cursor == null) {
                break;
            }
        }
        return items;
    }

    /**
     * For You's fresh items, page after page, up to the first item served because the viewer caught up (a
     * {@code rewatch} or {@code caught-up} one; For You goes on after it, cycling). Fails when no such item came
     * within {@code maxPages}.
     */
    List<JsonNode> fresh(String path, String bearer, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String sep = path.contains("?") ? "&" : "?";
            JsonNode body = get(path + (cursor == null ? "" : sep + "cursor=" + cursor), bearer);
            for (JsonNode item : body.get("items")) {
                if (caughtUp(item)) {
                    return items;
                }
                items.add(item);
            }
            JsonNode next = body.get("nextCursor");
            if (next == null || next.isNull()) {
                throw new AssertionError(path + " ended after " + items.size() + " items: For You never ends");
            }
            cursor = next.asString();
        }
        throw new AssertionError(path + " served no caught-up item within " + maxPages + " pages");
    }

    static boolean caughtUp(JsonNode item) {
        String kind = item.path("reasonKind").asString("");
        return kind.equals("rewatch") || kind.equals("caught-up");
    }

    /** The player's "watched" beacon: the viewer (a bearer, or the anonymous feed session) watched 3 s of it. */
    void watch(String sessionId, String videoId, String bearer) {
        String body = "{\"sessionId\":\"" + sessionId + "\",\"videoId\":\"" + videoId + "\",\"events\":["
                + "{\"type\":\"watched\",\"t\":3000,\"watchedMs\":3000,\"completed\":false}]}";
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/beacons")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new AssertionError("beacon answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("video").get("id").asString()).toList();
    }
}
