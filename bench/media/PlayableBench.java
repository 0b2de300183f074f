import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to playable and full processing time through a running Clipfeed server, as a user sees it: register, tus
 * upload (POST + 8 MB PATCHes), then poll {@code GET /api/v1/videos/{id}} every 20 ms from the final PATCH's
 * response until the status is PLAYABLE/PUBLISHED (time to playable) and until progress is 100 (processing done).
 * Each run uploads a different file (so content-addressed dedup cannot shortcut anything). In mode {@code playable}
 * the video is deleted once it plays, which cancels its ladder, so the next run does not compete with it.
 *
 * <p>Usage: {@code java bench/media/PlayableBench.java BASE_URL playable|processed CLIP_SECONDS FILE...} — prints
 * one line per file and the medians.
 */
public class PlayableBench {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int CHUNK = 8 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        boolean untilProcessed = args[1].equals("processed");
        double clipSeconds = Double.parseDouble(args[2]);
        String bearer = "Bearer " + register(base);
        List<Double> playable = new ArrayList<>();
        List<Double> done = new ArrayList<>();
        for (String file : Arrays.copyOfRange(args, 3, args.length)) {
            double[] t = run(base, bearer, Path.of(file), untilProcessed);
            playable.add(t[0]);
            done.add(t[1]);
            System.out.printf("run %s: playable %.3f s, processed %.2f s (realtime factor %.2f)%n",
                    Path.of(file).getFileName(), t[0], t[1], clipSeconds / t[1]);
        }
        double mp = median(playable);
        double md = median(done);
        System.out.printf("median playable %.3f s (%.3f x clip duration)%n", mp, mp / clipSeconds);
        System.out.printf("median processed %.2f s, realtime factor %.2f%n", md, clipSeconds / md);
    }

    /** Returns {seconds to PLAYABLE, seconds to progress 100}, both from the final PATCH's response. */
    static double[] run(String base, String bearer, Path file, boolean untilProcessed) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        HttpResponse<String> created = send(tus(base + "/api/v1/uploads", bearer)
                .header("Upload-Length", String.valueOf(bytes.length))
                .header("Upload-Metadata", "filename " + b64(file.getFileName().toString()) + ",filetype "
                        + b64("video/mp4") + ",title " + b64("bench " + file.getFileName()))
                .POST(BodyPublishers.noBody()).build(), 201);
        String location = URI.create(base).resolve(created.headers().firstValue("Location").orElseThrow()).toString();
        String videoUrl = base + "/api/v1/videos/" + created.headers().firstValue("Clipfeed-Video-Id").orElseThrow();
        for (int offset = 0; offset < bytes.length; offset += CHUNK) {
            send(tus(location, bearer).header("Upload-Offset", String.valueOf(offset))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", BodyPublishers.ofByteArray(
                            Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + CHUNK)))).build(), 204);
        }
        long complete = System.nanoTime();
        double playable = -1;
        while (true) {
            String video = send(HttpRequest.newBuilder(URI.create(videoUrl)).header("Authorization", bearer)
                    .build(), 200).body();
            String status = group(STATUS, video);
            double elapsed = (System.nanoTime() - complete) / 1e9;
            if (status.equals("FAILED") || status.equals("REJECTED") || elapsed > 3600) {
                throw new IllegalStateException("processing ended badly after " + elapsed + " s: " + video);
            }
            if (playable < 0 && (status.equals("PLAYABLE") || status.equals("PUBLISHED"))) {
                playable = elapsed;
            }
            if (playable >= 0 && !untilProcessed) {
                send(HttpRequest.newBuilder(URI.create(videoUrl)).header("Authorization", bearer).DELETE().build(),
                        204);
                Thread.sleep(3000); // the cancelled ladder stops at its next frame
                return new double[] {playable, Double.NaN};
            }
            if (playable >= 0 && Integer.parseInt(group(PROGRESS, video)) >= 100) {
                return new double[] {playable, elapsed};
            }
            Thread.sleep(20);
        }
    }

    static String register(String base) throws Exception {
        String name = "bench_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + name + "\",\"password\":\"bench-" + UUID.randomUUID() + "\"}";
        return group(TOKEN, send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(), 201).body());
    }

    static HttpRequest.Builder tus(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Tus-Resumable", "1.0.0").header("Authorization", bearer);
    }

    static HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request, BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + r.statusCode() + " "
                    + r.body());
        }
        return r;
    }

    static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text);
        }
        return m.group(1);
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
