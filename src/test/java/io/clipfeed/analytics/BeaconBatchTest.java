package io.clipfeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.clipfeed.platform.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

class BeaconBatchTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static BeaconBatch parse(String json) {
        return BeaconBatch.from(JSON.readTree(json));
    }

    @Test
    void keepsTypesTimesAndExtraFields() {
        BeaconBatch batch = parse("""
                {"sessionId":"s-12345678","videoId":"abcdefghij0123456789","events":[
                  {"type":"play-request","t":0},
                  {"type":"first-frame","t":312.6,"rendition":"720p","preloaded":true},
                  {"type":"error","t":900,"code":3,"message":"decode"}]}""");
        assertThat(batch.events()).extracting(BeaconEvent::type)
                .containsExactly("play-request", "first-frame", "error");
        assertThat(batch.events().get(1).t()).isEqualTo(313);
        assertThat(batch.events().get(0).detail()).isNull();
        assertThat(batch.events().get(1).detail()).isEqualTo("{\"rendition\":\"720p\",\"preloaded\":true}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":1}]}",
            "{\"sessionId\":\"short\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":1}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"../../x\",\"events\":[{\"type\":\"ended\",\"t\":1}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"x\",\"t\":1}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\"}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":-1}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":\"1\"}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":1,\"o\":{}}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[{\"type\":\"ended\",\"t\":1,\"<b>\":1}]}",
            "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":[1]}"})
    void refusesMalformedBeacons(String json) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void boundsEventCountAndFieldSizes() {
        String event = "{\"type\":\"stall-start\",\"t\":1},";
        String many = "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":["
                + event.repeat(BeaconBatch.MAX_EVENTS) + event + "{\"type\":\"ended\",\"t\":2}]}";
        assertThatThrownBy(() -> parse(many)).isInstanceOf(ApiProblem.class).hasMessageContaining("events");
        String longText = "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":["
                + "{\"type\":\"error\",\"t\":1,\"message\":\"" + "x".repeat(201) + "\"}]}";
        assertThatThrownBy(() -> parse(longText)).isInstanceOf(ApiProblem.class);
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            fields.append(",\"f").append(i).append("\":1");
        }
        String tooMany = "{\"sessionId\":\"s-12345678\",\"videoId\":\"abcdefghij0123456789\",\"events\":["
                + "{\"type\":\"error\",\"t\":1" + fields + "}]}";
        assertThatThrownBy(() -> parse(tooMany)).isInstanceOf(ApiProblem.class);
    }
}
