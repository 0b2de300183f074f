package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;

/** Profile pictures over HTTP: what is stored is a clean 256×256 JPEG, bad uploads get a precise 4xx. */
class AvatarIT extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void jpegWithGpsBecomesA256SquareWithoutAnyExif() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        byte[] upload = AvatarPictures.jpegWithGps(AvatarPictures.redCentre(640, 480));
        assertThat(AvatarPictures.hasApp1(upload)).as("the test picture carries EXIF").isTrue();

        HttpResponse<String> put = put(user, "image/jpeg", upload);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("/api/v1/users/" + user.userId() + "/avatar");

        HttpResponse<byte[]> got = get(user.userId(), null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(AvatarPictures.hasApp1(got.body())).as("no EXIF/APP1 segment").isFalse();
        assertThat(new String(got.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS");
        BufferedImage avatar = ImageIO.read(new ByteArrayInputStream(got.body()));
        assertThat(avatar.getWidth()).isEqualTo(256);
        assertThat(avatar.getHeight()).isEqualTo(256);
        assertReddish(avatar.getRGB(2, 2));
        assertReddish(avatar.getRGB(253, 253));
    }

    @Test
    void pngAndWebpAreCroppedToTheirCentre() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        byte[] png = AvatarPictures.encode(AvatarPictures.redCentre(90, 300), "png");
        assertThat(put(user, "image/png", png).statusCode()).isEqualTo(200);
        BufferedImage fromPng = ImageIO.read(new ByteArrayInputStream(get(user.userId(), null).body()));
        assertThat(fromPng.getWidth()).isEqualTo(256);
        assertReddish(fromPng.getRGB(128, 2));

        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/avatars/red-centre-120x80.webp")) {
            webp = in.readAllBytes();
        }
        HttpResponse<String> put = put(user, "image/webp", webp);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        BufferedImage fromWebp = ImageIO.read(new ByteArrayInputStream(get(user.userId(), null).body()));
        assertThat(fromWebp.getHeight()).isEqualTo(256);
        assertReddish(fromWebp.getRGB(3, 128));
    }

    @Test
    void withoutAnUploadTheAvatarIsTheInitialAsSvgAndRevalidatesWithItsEtag() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        HttpResponse<byte[]> got = get(user.userId(), null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        String svg = new String(got.body(), StandardCharsets.UTF_8);
        assertThat(svg).contains(">" + user.username().substring(0, 1).toUpperCase() + "</text>");
        assertThat(got.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("max-age=300");
        String etag = got.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get(user.userId(), etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        put(user, "image/png", AvatarPictures.encode(AvatarPictures.redCentre(64, 64), "png"));
        HttpResponse<byte[]> changed = get(user.userId(), etag);
        assertThat(changed.statusCode()).as("a new picture has a new ETag").isEqualTo(200);
        assertThat(changed.headers().firstValue("Content-Type")).hasValue("image/jpeg");

        HttpResponse<String> delete = send(authed(user, "/api/v1/me/avatar").DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(get(user.userId(), null).headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    }

    @Test
    void badUploadsGetAPreciseProblem() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        byte[] jpeg = AvatarPictures.encode(AvatarPictures.redCentre(640, 480), "jpeg");

        assertProblem(put(user, "text/plain", "hello".getBytes()), 415, "image/jpeg, image/png or image/webp");
        assertProblem(put(user, "image/png", "not a picture at all".getBytes()), 422, "not a JPEG, PNG or WebP");
        assertProblem(put(user, "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)), 422, "damaged or cut short");
        assertProblem(put(user, "image/png", AvatarPictures.pngBomb(20000, 20000)), 422, "20000×20000");
        assertProblem(put(user, "image/jpeg", new byte[5 * 1024 * 1024 + 1]), 413, "5 MB");
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/me/avatar"))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("no-such-user", null).statusCode()).isEqualTo(404);
        assertThat(get(user.userId(), null).headers().firstValue("Content-Type").orElseThrow())
                .as("nothing was stored").startsWith("image/svg+xml");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detail);
    }

    private static void assertReddish(int rgb) {
        Color c = new Color(rgb);
        assertThat(c.getRed()).as("red of %s", c).isGreaterThan(200);
        assertThat(c.getBlue()).as("blue of %s", c).isLessThan(60);
    }

    private HttpResponse<String> put(TestUsers.Session user, String type, byte[] body) throws Exception {
        return send(authed(user, "/api/v1/me/avatar").header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<byte[]> get(String userId, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/users/" + userId + "/avatar"));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authed(TestUsers.Session user, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", user.bearer());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
