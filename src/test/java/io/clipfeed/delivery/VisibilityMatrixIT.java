package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.clipfeed.TestUsers;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.VideoStatus;
import io.clipfeed.catalog.Visibility;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what, route by route, with pre-moderation on (a playable video waits for review). One video per state,
 * one row per viewer and state; every cell is what that viewer gets from that route. Catalog's {@code VideoAccess}
 * is the one rule behind all of them, so the table reads the same down every column.
 *
 * <p>Columns: {@code api} {@code GET /api/v1/videos/{id}}; {@code play} {@code /play}; media fetches (GET of an
 * MP4 link, main port unless said): {@code own} the link this viewer's own play answer handed out, {@code crtr} the
 * creator's play link (for the deleted video, taken while it was published), {@code any} a link signed for anyone
 * (one handed out while a video was public, or leaked), {@code edge} that link on the media edge; {@code /v},
 * {@code embed}, {@code oemb} share page, embed, oEmbed (rendered for anonymous visitors, so the same for
 * everyone); {@code cmts} comment list, {@code post} comment, {@code like}, {@code share}. After {@code |}, lists:
 * {@code Y} when the video appears, {@code -} when not: For You, trending, latest (home page), search, hashtag,
 * the creator's profile grid ({@code users/{id}/videos}) and the creator's liked list (the creator liked them
 * all). A {@code -} in a media column: no such link exists. Anonymous writes are 401 whatever the video.
 *
 * <p>A media link is its own authorisation, so its refusals say why rather than 404: 403 when the link is not
 * signed for this viewer or the video is not open to whoever it is signed for, 410 once the video is removed.
 */
// role api: this context runs no jobs, so its pre-moderation never holds back the uploads of other test contexts
// (its scheduler would otherwise pick their steps and leave their videos waiting for review)
@TestPropertySource(properties = {"clipfeed.moderation-mode=pre", "clipfeed.role=api",
        "clipfeed.delivery.edge.enabled=true", "clipfeed.delivery.edge.port=0",
        "clipfeed.delivery.edge.address=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixIT extends DeliveryITBase {

    static final String MATRIX = """
            viewer    state      api play own crtr any edge  /v embed oemb cmts post like share | fyou trnd ltst srch tag prof liked
            anonymous uploaded   404  404   -    -   -    -  404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            anonymous processing 404  404   -    -  403  403 404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            anonymous review     404  404   -  403  403  403 404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            anonymous published  200  200 200  200  200  200 200  200  200  200  401  401  200  |  Y    Y    Y    Y    Y   Y    Y
            anonymous private    404  404   -  403  403  403 404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            anonymous unlisted   200  200 200  200  200  200 200  200  200  200  401  401  200  |  -    -    -    -    -   -    -
            anonymous rejected   404  404   -  403  410  410 404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            anonymous deleted    404  404   -  410  410  410 404  404  404  404  401  401  404  |  -    -    -    -    -   -    -
            other     uploaded   404  404   -    -   -    -  404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            other     processing 404  404   -    -  403  403 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            other     review     404  404   -  403  403  403 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            other     published  200  200 200  200  200  200 200  200  200  200  201  200  200  |  Y    Y    Y    Y    Y   Y    Y
            other     private    404  404   -  403  403  403 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            other     unlisted   200  200 200  200  200  200 200  200  200  200  201  200  200  |  -    -    -    -    -   -    -
            other     rejected   404  404   -  403  410  410 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            other     deleted    404  404   -  410  410  410 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            creator   uploaded   200  409   -    -   -    -  404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   processing 200  409   -    -  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   review     200  200 200  200  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   published  200  200 200  200  200  200 200  200  200  200  201  200  200  |  Y    Y    Y    Y    Y   Y    Y
            creator   private    200  200 200  200  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   unlisted   200  200 200  200  200  200 200  200  200  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   rejected   200  200 200  200  410  410 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            creator   deleted    404  404   -  410  410  410 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            moderator uploaded   200  409   -    -   -    -  404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator processing 200  409   -    -  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator review     200  200 200  403  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator published  200  200 200  200  200  200 200  200  200  200  201  200  200  |  Y    Y    Y    Y    Y   Y    Y
            moderator private    200  200 200  403  403  403 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator unlisted   200  200 200  200  200  200 200  200  200  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator rejected   200  200 200  403  410  410 404  404  404  200  201  200  200  |  -    -    -    -    -   Y    Y
            moderator deleted    404  404   -  410  410  410 404  404  404  404  404  404  404  |  -    -    -    -    -   -    -
            """;

    static final List<String> FEEDS = List.of("fyou", "trnd", "ltst", "srch", "tag");

    enum State {
        UPLOADED, PROCESSING, REVIEW, PUBLISHED, PRIVATE, UNLISTED, REJECTED, DELETED
    }

    enum Viewer {
        ANONYMOUS, OTHER, CREATOR, MODERATOR
    }

    @Autowired
    MediaEdge edge;
    @Autowired
    MediaSigner signer;

    private final String word = "vismatrix" + TestUsers.randomHex(4).replaceAll("[0-9]", "q");
    private final String tag = "vm" + TestUsers.randomHex(5);
    private final Map<Viewer, Session> sessions = new EnumMap<>(Viewer.class);
    private final Map<State, Clips.Clip> clips = new EnumMap<>(State.class);
    private final Map<State, String> creatorLinks = new EnumMap<>(State.class);
    private final Map<Viewer, Map<String, Set<String>>> lists = new EnumMap<>(Viewer.class);
    private String control;

    @BeforeAll
    void videosInEveryState() throws Exception {
        Session creator = register();
        sessions.put(Viewer.CREATOR, creator);
        sessions.put(Viewer.OTHER, register());
        sessions.put(Viewer.MODERATOR, moderator());
        make(State.UPLOADED, Visibility.PUBLIC, VideoStatus.UPLOADED);
        make(State.PROCESSING, Visibility.PUBLIC, VideoStatus.PROCESSING);
        make(State.REVIEW, Visibility.PUBLIC, VideoStatus.PLAYABLE);
        make(State.PUBLISHED, Visibility.PUBLIC, VideoStatus.PUBLISHED);
        make(State.PRIVATE, Visibility.PRIVATE, VideoStatus.PUBLISHED);
        make(State.UNLISTED, Visibility.UNLISTED, VideoStatus.PUBLISHED);
        make(State.REJECTED, Visibility.PUBLIC, VideoStatus.PUBLISHED);
        make(State.DELETED, Visibility.PUBLIC, VideoStatus.PUBLISHED);
        // someone else's published video: once it is in a list, so is everything that will ever be
        control = Clips.make(catalog, store, new NewVideo(register().userId(), "control", word + " #" + tag,
                Visibility.PUBLIC, "cup.mp4"), Clips.none(), false, VideoStatus.PUBLISHED).id();
        like(State.DELETED, creator);
        creatorLinks.put(State.DELETED, mp4Link(State.DELETED, creator));
        catalog.transition(id(State.REJECTED), VideoStatus.REJECTED, "taken down by a moderator");
        catalog.transition(id(State.DELETED), VideoStatus.DELETED, "deleted by its creator");
        Thread.sleep(600); // past delivery's status cache, which saw some of these videos before they moved on
        for (State s : State.values()) {
            if (s != State.DELETED) {
                String link = mp4Link(s, creator);
                if (link != null) {
                    creatorLinks.put(s, link);
                }
            }
        }
        readFeeds();
        // likes after the feeds were read: For You leaves out what its viewer engaged with
        for (State s : State.values()) {
            if (s != State.DELETED) {
                like(s, creator);
            }
        }
    }

    private void like(State state, Session as) throws IOException {
        assertThat(send("PUT", "/api/v1/videos/" + id(state) + "/like", null, as).status())
                .as("the creator likes the %s video", state).isEqualTo(200);
    }

    /**
     * Every feed as every viewer, once it shows the control video. Anonymous first (a fresh feed session each
     * time, so nothing counts as seen), then the others, whose first read then already finds the control.
     */
    private void readFeeds() {
        for (Viewer viewer : Viewer.values()) {
            for (String list : FEEDS) {
                Set<String> ids = new HashSet<>();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    ids.clear();
                    ids.addAll(read(viewer, list));
                    assertThat(ids).as("%s as %s", list, viewer).contains(control);
                });
                lists.computeIfAbsent(viewer, v -> new LinkedHashMap<>()).put(list, ids);
            }
        }
    }

    private void make(State state, Visibility visibility, VideoStatus until) throws IOException {
        NewVideo video = new NewVideo(sessions.get(Viewer.CREATOR).userId(), state.name().toLowerCase(Locale.ROOT),
                word + " #" + tag, visibility, "cup.mp4");
        clips.put(state, Clips.make(catalog, store, video, Clips.none(), false, until));
    }

    static Stream<Arguments> cells() {
        List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = columns(lines.get(0));
        return lines.stream().skip(1).map(line -> {
            List<String> cells = columns(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 2; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            return Arguments.of(Viewer.valueOf(cells.get(0).toUpperCase(Locale.ROOT)),
                    State.valueOf(cells.get(1).toUpperCase(Locale.ROOT)), row);
        });
    }

    private static List<String> columns(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(c -> !c.equals("|")).toList();
    }

    @ParameterizedTest(name = "{0} sees a {1} video")
    @MethodSource("cells")
    void everyRouteAsksTheOneRule(Viewer viewer, State state, Map<String, String> expected) throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String column : expected.keySet()) {
            actual.put(column, cell(column, viewer, state));
        }
        SoftAssertions softly = new SoftAssertions();
        expected.forEach((column, cell) -> softly.assertThat(actual.get(column))
                .as("%s of a %s video as %s", column, state, viewer).isEqualTo(cell));
        softly.assertAll();
    }

    private String cell(String column, Viewer viewer, State state) throws Exception {
        Session as = sessions.get(viewer);
        String id = id(state);
        String videoPath = "/api/v1/videos/" + id;
        return switch (column) {
            case "api" -> status("GET", videoPath, null, as);
            case "play" -> status("GET", videoPath + "/play", null, as);
            case "own" -> fetch(mp4Link(state, as), as, port);
            case "crtr" -> fetch(creatorLinks.get(state), as, port);
            case "any" -> fetch(anyoneLink(state), as, port);
            case "edge" -> fetch(anyoneLink(state), as, edge.port());
            case "/v" -> status("GET", "/v/" + id, null, as);
            case "embed" -> status("GET", "/embed/" + id, null, as);
            case "oemb" -> status("GET", "/api/v1/oembed?url=" + URLEncoder.encode(
                    "http://localhost:" + port + "/v/" + id, StandardCharsets.UTF_8), null, as);
            case "cmts" -> status("GET", videoPath + "/comments", null, as);
            case "post" -> status("POST", videoPath + "/comments",
                    "{\"text\":\"seen " + TestUsers.randomHex(6) + "\"}", as);
            case "like" -> status("PUT", videoPath + "/like", null, as);
            case "share" -> status("POST", videoPath + "/shares", null, as);
            default -> listed(viewer, column).contains(id) ? "Y" : "-";
        };
    }

    private String id(State state) {
        return clips.get(state).id();
    }

    private String status(String method, String target, String body, Session as) throws IOException {
        return String.valueOf(send(method, target, body, as).status());
    }

    private RawHttp.Response send(String method, String target, String body, Session as) throws IOException {
        List<String> headers = new ArrayList<>();
        if (as != null) {
            headers.add("Authorization: Bearer " + as.token());
        }
        if (body == null) {
            return RawHttp.send(port, method, target, headers.toArray(String[]::new));
        }
        headers.add("Content-Type: application/json");
        return RawHttp.sendWithBody(port, method, target, body.getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    /** The MP4 link of {@code as}'s play answer, or null when there is none. */
    private String mp4Link(State state, Session as) throws IOException {
        RawHttp.Response play = play(id(state), "", as == null ? null : as.token());
        return play.status() == 200 ? path(json(play).get("mp4Url").asString()) : null;
    }

    /** A link to the video's MP4 signed for anyone, as one handed out while the video was public would be. */
    private String anyoneLink(State state) {
        Clips.Clip clip = clips.get(state);
        if (clip.video().status() == VideoStatus.UPLOADED) {
            return null; // nothing recorded to serve yet
        }
        long expires = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        return MediaPath.prefix("", clip.id(), expires, signer.sign(clip.id(), expires, ""))
                + clip.mp4().key() + ".mp4";
    }

    private String fetch(String link, Session as, int listenerPort) throws IOException {
        if (link == null) {
            return "-";
        }
        String[] headers = as == null ? new String[0] : new String[] {"Authorization: Bearer " + as.token()};
        return String.valueOf(RawHttp.send(listenerPort, "GET", link, headers).status());
    }

    /** The ids a viewer finds in a list: feeds as read before the rows ran, the creator's lists as they are. */
    private Set<String> listed(Viewer viewer, String list) {
        return lists.computeIfAbsent(viewer, v -> new LinkedHashMap<>()).computeIfAbsent(list, l -> {
            try {
                return new HashSet<>(read(viewer, l));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private List<String> read(Viewer viewer, String list) throws IOException {
        String creator = sessions.get(Viewer.CREATOR).userId();
        String session = "&session=s" + TestUsers.randomHex(8);
        return switch (list) {
            case "fyou" -> pages("/api/v1/feed/for-you?limit=50" + (viewer == Viewer.ANONYMOUS ? session : ""),
                    viewer, true, 200);
            case "trnd" -> pages("/api/v1/feed/trending?limit=50", viewer, true, 200);
            case "ltst" -> pages("/api/v1/web/latest?limit=50", viewer, true, 5);
            case "srch" -> pages("/api/v1/search?limit=50&q=" + word, viewer, true, 5);
            case "tag" -> pages("/api/v1/feed/hashtags/" + tag + "?limit=50", viewer, true, 5);
            case "prof" -> pages("/api/v1/users/" + creator + "/videos?limit=50", viewer, false, 5);
            case "liked" -> pages("/api/v1/users/" + creator + "/likes?limit=50", viewer, false, 5);
            default -> throw new IllegalArgumentException("no list " + list);
        };
    }

    /** Every id of a paged list; feed items wrap the video as {@code {video, play}}, other lists do not. */
    private List<String> pages(String path, Viewer viewer, boolean feedItems, int maxPages) throws IOException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            RawHttp.Response r = send("GET", path + (cursor == null ? "" : "&cursor=" + cursor), null,
                    sessions.get(viewer));
            assertThat(r.status()).as(path).isEqualTo(200);
            JsonNode body = json(r);
            body.get("items").forEach(i -> ids.add((feedItems ? i.get("video") : i).get("id").asString()));
            JsonNode next = body.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            if (cursor == null) {
                break;
            }
        }
        return ids;
    }
}
