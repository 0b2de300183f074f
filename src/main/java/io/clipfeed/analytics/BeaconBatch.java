package io.clipfeed.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A player's report, {@code {sessionId, videoId, events:[{type, t, ...}]}}, validated and bounded: known event
 * types, a sane time, at most {@link #MAX_EVENTS} events and {@link #MAX_FIELDS} extra scalar fields of bounded
 * size per event. Anything else is refused with a sentence saying what was wrong.
 */
record BeaconBatch(String sessionId, String videoId, List<BeaconEvent> events) {

    static final int MAX_EVENTS = 100;
    static final int MAX_FIELDS = 8;
    static final int MAX_STRING = 200;
    static final int MAX_DETAIL = 1000;
    static final long MAX_T = 10_000_000_000_000L; // ms: an epoch time or a page-relative one, both fit
    static final Set<String> TYPES = Set.of("play-request", "first-frame", "stall-start", "stall-end", "error", "watched",
            "ended", "exit");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    static BeaconBatch from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("A beacon is a JSON object {sessionId, videoId, events}.");
        }
        String sessionId = text(body.get("sessionId"));
        if (sessionId == null || !SESSION.matcher(sessionId).matches()) {
            throw ApiProblem.badRequest("sessionId must be 8 to 64 letters, digits, '-' or '_'.");
        }
        String videoId = text(body.get("videoId"));
        if (!Ids.isWellFormed(videoId)) {
            throw ApiProblem.badRequest("videoId is missing or is not a video id.");
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw ApiProblem.badRequest("events must be a list of 1 to " + MAX_EVENTS + " events.");
        }
        List<BeaconEvent> parsed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), i));
        }
        return new BeaconBatch(sessionId, videoId, List.copyOf(parsed));
    }

    private static BeaconEvent event(JsonNode node, int index) {
        String where = "events[" + index + "]";
        if (!node.isObject()) {
            throw ApiProblem.badRequest(where + " must be an object {type, t, ...}.");
        }
        String type = text(node.get("type"));
        if (type == null || !TYPES.contains(type)) {
            throw ApiProblem.badRequest(where + ".type must be one of " + String.join(", ", sorted()) + ".");
        }
        JsonNode t = node.get("t");
        if (t == null || !t.isNumber() || !Double.isFinite(t.asDouble()) || t.asDouble() < 0
                || t.asDouble() > MAX_T) {
            throw ApiProblem.badRequest(where + ".t must be a time in milliseconds, 0 or more.");
        }
        return new BeaconEvent(type, Math.round(t.asDouble()), detail(node, where));
    }

    private static String detail(JsonNode node, String where) {
        ObjectNode extra = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (name.equals("type") || name.equals("t")) {
                continue;
            }
            JsonNode value = field.getValue();
            boolean scalar = value.isNumber() || value.isBoolean()
                    || (value.isString() && value.asString().length() <= MAX_STRING);
            if (!FIELD.matcher(name).matches() || !scalar) {
                throw ApiProblem.badRequest(where + "." + abbreviate(name) + " must be a number, a boolean or a "
                        + "string of at most " + MAX_STRING + " characters, under a plain field name.");
            }
            extra.set(name, value);
        }
        if (extra.size() > MAX_FIELDS) {
            throw ApiProblem.badRequest(where + " has more than " + MAX_FIELDS + " extra fields.");
        }
        String json = extra.isEmpty() ? null : extra.toString();
        if (json != null && json.length() > MAX_DETAIL) {
            throw ApiProblem.badRequest(where + "'s extra fields are longer than " + MAX_DETAIL + " characters.");
        }
        return json;
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String abbreviate(String name) {
        return name.length() > 32 ? name.substring(0, 32) + "…" : name;
    }

    private static List<String> sorted() {
        return TYPES.stream().sorted().toList();
    }
}
