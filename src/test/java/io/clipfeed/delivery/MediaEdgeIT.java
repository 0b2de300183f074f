package io.clipfeed.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.clipfeed.catalog.Visibility;

/**
 * What only the media edge has to get right: links point at it for public videos only, it refuses what the main
 * server refuses (tampered, expired, removed within a second, viewer-bound), and it bounds and orders raw HTTP.
 */
@TestPropertySource(properties = {"clipfeed.delivery.edge.enabled=true", "clipfeed.delivery.edge.port=0",
        "clipfeed.delivery.edge.address=127.0.0.1", "clipfeed.delivery.edge.url=https://media.example",
        "clipfeed.delivery.edge.idle-timeout=1s"})
class MediaEdgeIT extends DeliveryITBase {

    @Autowired
    MediaEdge edge;
    @Autowired
    MediaSigner signer;

    RawHttp.Response edgeGet(String target, String... headers) throws java.io.IOException {
        return RawHttp.send(edge.port(), "GET", target, headers);
    }

    @Test
    void playInfoPointsPublicVideosAtTheEdgeAndPrivateOnesAtTheMainServer() throws Exception {
        Clips.Clip clip = publicClip();
        RawHttp.Response info = play(clip.id(), "", null);
        String mp4Url = json(info).get("mp4Url").asString();
        assertThat(mp4Url).startsWith("https://media.example/media/v/" + clip.id() + "/");
        RawHttp.Response r = edgeGet(path(mp4Url), "Range: bytes=0-99");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).hasSize(100);

        Session owner = register();
        Clips.Clip hidden = clip(Visibility.PRIVATE, owner.userId(), Clips.none());
        String privateUrl = json(play(hidden.id(), "", owner.token())).get("mp4Url").asString();
        assertThat(privateUrl).startsWith("/media/v/");
        // the edge knows no viewers: a link bound to one is refused there, and served by the main server
        assertThat(edgeGet(privateUrl, "Authorization: Bearer " + owner.token()).status()).isEqualTo(403);
        assertThat(get(privateUrl, "Authorization: Bearer " + owner.token(), "Range: bytes=0-9").status())
                .isEqualTo(206);
    }

    @Test
    void refusesTamperedAndExpiredLinksWithProblemBodies() throws Exception {
        Clips.Clip clip = publicClip();
        String prefix = prefixOf(clip);
        String signature = prefix.split("/")[5];
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        String tampered = prefix.replace(signature, signature.substring(0, 10) + flipped + signature.substring(11));
        RawHttp.Response r = edgeGet(tampered + clip.mp4().key() + ".mp4");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.text()).contains("\"status\":403", "signature");

        long past = Instant.now().getEpochSecond() - 5;
        String expired = MediaPath.prefix("", clip.id(), past, signer.sign(clip.id(), past, ""));
        RawHttp.Response old = edgeGet(expired + clip.mp4().key() + ".mp4");
        assertThat(old.status()).isEqualTo(403);
        assertThat(old.text()).contains("expired");
    }

    @Test
    void stopsServingADeletedVideoWithinOneSecond() throws Exception {
        Clips.Clip clip = publicClip();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        assertThat(edgeGet(mp4, "Range: bytes=0-99").status()).isEqualTo(206);

        Stopped stopped = deleteAndProbe(clip.id(), () -> edgeGet(mp4, "Range: bytes=0-99").status());
        assertThat(stopped.status()).isEqualTo(410);
        assertThat(stopped.millis()).isLessThan(1000);
    }

    @Test
    void boundsRequestsAndRefusesOtherMethods() throws Exception {
        Clips.Clip clip = publicClip();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        RawHttp.Response post = RawHttp.post(edge.port(), mp4, "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(edgeGet(mp4, "X-Padding: " + "a".repeat(MediaEdge.MAX_HEADER_BYTES)).status()).isEqualTo(431);
        assertThat(edgeGet(mp4 + "?" + "q".repeat(MediaEdge.MAX_INITIAL_LINE)).status()).isEqualTo(414);
        assertThat(edgeGet("/api/v1/feed/for-you").status()).isEqualTo(404);
        assertThat(edgeGet(mp4, "Range: bytes=0-9").status()).isEqualTo(206);
    }

    @Test
    void closesIdleConnections() throws Exception {
        Clips.Clip clip = publicClip();
        String mp4 = prefixOf(clip) + clip.mp4().key() + ".mp4";
        try (Socket idle = new Socket("127.0.0.1", edge.port())) {
            idle.setSoTimeout(5_000);
            long start = System.nanoTime();
            assertThat(idle.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 4_000L);
        }
        // the edge also counts a send in progress as activity (observeOutput), so a slow viewer's long download
        // is not cut; not tested here: loopback's send buffer takes a whole test clip at once
        assertThat(edgeGet(mp4, "Range: bytes=0-9").status()).isEqualTo(206);
    }

    @Test
    void answersPipelinedRequestsInOrderEvenWhenTheFirstWaitsForALookup() throws Exception {
        Clips.Clip first = publicClip();
        Clips.Clip second = publicClip();
        String a = prefixOf(first) + first.mp4().key() + ".mp4";
        String b = prefixOf(second) + second.cover().key() + ".jpg";
        assertThat(edgeGet(b).status()).isEqualTo(200); // b is cached now, a is not: a waits, b must not overtake
        String requests = "GET " + a + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-4\r\n\r\n"
                + "GET " + b + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-2\r\n\r\n"
                + "GET " + a + " HTTP/1.1\r\nHost: x\r\nRange: bytes=5-9\r\nConnection: close\r\n\r\n";
        String answers;
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requests.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            answers = all.toString(StandardCharsets.ISO_8859_1);
        }
        int one = answers.indexOf("Content-Range: bytes 0-4/" + first.mp4Bytes().length);
        int two = answers.indexOf("Content-Range: bytes 0-2/");
        int three = answers.indexOf("Content-Range: bytes 5-9/" + first.mp4Bytes().length);
        assertThat(one).isNotNegative();
        assertThat(two).isGreaterThan(one);
        assertThat(three).isGreaterThan(two);
    }
}
