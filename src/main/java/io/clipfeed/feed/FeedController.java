package io.clipfeed.feed;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.delivery.PlaybackHints;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The feeds: {@code /api/v1/feed/for-you}, {@code /following}, {@code /trending}, {@code /hashtags/{tag}} and
 * {@code /api/v1/search?q=}, each {@code {items:[{video, play, reason}], nextCursor}}. Playback hints are read as
 * delivery's play endpoint reads them ({@code codecs}, {@code maxHeight}, {@code net}, {@code Save-Data}); an
 * anonymous client names its session in {@code X-Clipfeed-Session} (or {@code session}) for the seen-filter.
 */
@RestController
class FeedController {

    static final String SESSION_HEADER = "X-Clipfeed-Session";

    private final FeedService ranked;
    private final ListedFeeds listed;
    private final FeedSettings settings;

    FeedController(FeedService ranked, ListedFeeds listed, FeedSettings settings) {
        this.ranked = ranked;
        this.listed = listed;
        this.settings = settings;
    }

    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]{1,50}");

    /**
     * Request values every feed reads. Read from the query string by hand: binding a record as a model attribute
     * cost as much CPU per request as serving an anonymous For You page from memory.
     */
    record Query(String cursor, Integer limit, String codecs, Integer maxHeight, String net) {

        static Query of(HttpServletRequest http) {
            return new Query(http.getParameter("cursor"), number(http, "limit"), http.getParameter("codecs"),
                    number(http, "maxHeight"), http.getParameter("net"));
        }

        private static Integer number(HttpServletRequest http, String name) {
            String value = http.getParameter(name);
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest(name + " must be a whole number.");
            }
        }
    }

    @GetMapping("/api/v1/feed/for-you")
    ResponseEntity<FeedPage> forYou(HttpServletRequest http, @RequestParam(required = false) String session,
            @RequestHeader(name = SESSION_HEADER, required = false) String sessionHeader,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        Query q = Query.of(http);
        FeedService.Request r = request(q, sessionHeader != null ? sessionHeader : session, saveData);
        return answer(() -> ranked.forYou(r, q.cursor()));
    }

    @GetMapping("/api/v1/feed/trending")
    ResponseEntity<FeedPage> trending(HttpServletRequest http,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        Query q = Query.of(http);
        FeedService.Request r = request(q, null, saveData);
        return answer(() -> ranked.trending(r, q.cursor()));
    }

    @GetMapping("/api/v1/feed/following")
    ResponseEntity<FeedPage> following(HttpServletRequest http,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        CurrentUsers.require();
        Query q = Query.of(http);
        FeedService.Request r = request(q, null, saveData);
        return answer(() -> listed.following(r, q.cursor()));
    }

    @GetMapping("/api/v1/feed/hashtags/{tag}")
    ResponseEntity<FeedPage> hashtag(@PathVariable String tag, HttpServletRequest http,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        Query q = Query.of(http);
        String name = tag.startsWith("#") ? tag.substring(1) : tag;
        if (!HASHTAG.matcher(name).matches()) {
            throw ApiProblem.badRequest("A hashtag is 1 to 50 letters, digits or underscores.");
        }
        FeedService.Request r = request(q, null, saveData);
        return answer(() -> listed.hashtag(r, name.toLowerCase(Locale.ROOT), q.cursor()));
    }

    @GetMapping("/api/v1/search")
    ResponseEntity<FeedPage> search(@RequestParam(name = "q", required = false) String text, HttpServletRequest http,
            @RequestHeader(name = "Save-Data", required = false) String saveData) {
        Query q = Query.of(http);
        if (text == null || text.isBlank() || text.length() > 200) {
            throw ApiProblem.badRequest("Search for 1 to 200 characters: q=...");
        }
        FeedService.Request r = request(q, null, saveData);
        return answer(() -> listed.search(r, text, q.cursor()));
    }

    private FeedService.Request request(Query q, String session, String saveData) {
        Optional<CurrentUser> user = CurrentUsers.current();
        if (session != null && !SESSION.matcher(session).matches()) {
            throw ApiProblem.badRequest("A session id is 8 to 64 letters, digits, '-' or '_'.");
        }
        Viewer viewer = user.map(u -> Viewer.user(u.id())).orElseGet(() -> Viewer.anonymous(session));
        int size = q.limit() == null ? settings.pageSize() : q.limit();
        if (size < 1 || size > 50) {
            throw ApiProblem.badRequest("limit is between 1 and 50.");
        }
        Integer height = q.maxHeight() != null && q.maxHeight() > 0 && q.maxHeight() < 100_000 ? q.maxHeight() : null;
        return new FeedService.Request(viewer, user, PlaybackHints.parse(q.codecs(), height, q.net(), saveData), size);
    }

    private static ResponseEntity<FeedPage> answer(Supplier<FeedPage> page) {
        try {
            // play URLs inside are signed for this viewer
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Vary", "Save-Data")
                    .body(page.get());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }
}
