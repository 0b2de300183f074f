package io.clipfeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/beacons}: stored when valid (anonymous too), refused with a problem when not. */
@org.springframework.test.context.TestPropertySource(properties = "clipfeed.media.auto-process=false")
class BeaconIT extends IntegrationTestBase {

    final HttpClient http = HttpClient.newHttpClient();
    String videoId;
    String sessionId;

    @BeforeEach
    void video() {
        videoId = catalog.create(new NewVideo(Ids.newId(), "t", "d", Visibility.PUBLIC, "a.mp4")).id();
        sessionId = "s-" + Ids.newId();
    }

    HttpResponse<String> post(String body, String contentType, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/beacons"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String beacon(String events) {
        return "{\"sessionId\":\"" + sessionId + "\",\"videoId\":\"" + videoId + "\",\"events\":[" + events + "]}";
    }

    @Test
    void storesTheEventsOfAnAnonymousViewer() throws Exception {
        HttpResponse<String> r = post(beacon("{\"type\":\"play-request\",\"t\":0},"
                + "{\"type\":\"first-frame\",\"t\":240,\"preloaded\":true},{\"type\":\"exit\",\"t\":5100}"),
                "application/json");
        assertThat(r.statusCode()).isEqualTo(202);
        List<String> rows = jdbc.sql("select event_type || ':' || event_t || ':' || coalesce(detail, '-') "
                + "from playback_beacons where session_id = ? order by id").param(sessionId)
                .query(String.class).list();
        assertThat(rows).containsExactly("play-request:0:-", "first-frame:240:{\"preloaded\":true}", "exit:5100:-");
        assertThat(jdbc.sql("select count(*) from playback_beacons where session_id = ? and viewer_id is null")
                .param(sessionId).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void acceptsTextPlainAsNavigatorSendBeaconSendsIt() throws Exception {
        HttpResponse<String> r = post(beacon("{\"type\":\"ended\",\"t\":8000}"), "text/plain;charset=UTF-8");
        assertThat(r.statusCode()).isEqualTo(202);
    }

    @Test
    void recordsTheSignedInViewer() throws Exception {
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"b" + Ids.newId().toLowerCase() + "\",\"password\":\"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode session = JsonMapper.builder().build().readTree(registered.body());
        String viewer = session.get("user").get("id").asString();
        assertThat(post(beacon("{\"type\":\"stall-start\",\"t\":100},{\"type\":\"stall-end\",\"t\":900}"),
                "application/json", "Authorization", "Bearer " + session.get("token").asString()).statusCode())
                .isEqualTo(202);
        assertThat(jdbc.sql("select count(*) from playback_beacons where viewer_id = ?").param(viewer)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void refusesInvalidBeaconsWithAProblem() throws Exception {
        HttpResponse<String> unknownType = post(beacon("{\"type\":\"buffering\",\"t\":1}"), "application/json");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(unknownType.body()).contains("type must be one of");
        assertThat(post("{not json", "application/json").statusCode()).isEqualTo(400);
        assertThat(post("", "application/json").statusCode()).isEqualTo(400);
        assertThat(post(beacon("{\"type\":\"ended\",\"t\":1}").replace(videoId, Ids.newId()), "application/json")
                .statusCode()).isEqualTo(404);
        String huge = beacon("{\"type\":\"error\",\"t\":1,\"message\":\"" + "x".repeat(70_000) + "\"}");
        assertThat(post(huge, "application/json").statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from playback_beacons where session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();
    }
}
