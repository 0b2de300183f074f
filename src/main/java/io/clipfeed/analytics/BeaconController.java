package io.clipfeed.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/beacons}: players report playback events; anonymous viewers too. The body is read with a
 * hard size limit before parsing, and is accepted as JSON whatever the declared type, because
 * {@code navigator.sendBeacon} with a string sends {@code text/plain}.
 */
@RestController
class BeaconController {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private final Beacons beacons;
    private final Catalog catalog;
    private final ObjectMapper json;
    private final Clock clock;

    BeaconController(Beacons beacons, Catalog catalog, ObjectMapper json, Clock clock) {
        this.beacons = beacons;
        this.catalog = catalog;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/api/v1/beacons")
    ResponseEntity<Map<String, Integer>> receive(HttpServletRequest request) throws IOException {
        BeaconBatch batch = BeaconBatch.from(parse(request));
        if (catalog.find(batch.videoId()).isEmpty()) {
            throw ApiProblem.notFound("No video has this id.");
        }
        beacons.store(batch, CurrentUsers.current().map(CurrentUser::id).orElse(null), clock.instant());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", batch.events().size()));
    }

    private JsonNode parse(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("The beacon is not valid JSON.");
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "A beacon may be at most " + MAX_BODY_BYTES + " bytes; send fewer events at a time.");
    }
}
