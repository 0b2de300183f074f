import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tus upload throughput on loopback against a plain Files.copy of the same file on the same disk, in the same run.
 * Usage: java UploadBench.java <baseUrl> <workDir> <sizeMB> <chunkMB> <rounds>
 * Prints per-round figures, medians and the ratio tus/copy (goal >= 0.6).
 */
public class UploadBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path work = Path.of(args[1]);
        long size = Long.parseLong(args[2]) * 1024 * 1024;
        int chunk = Integer.parseInt(args[3]) * 1024 * 1024;
        int rounds = Integer.parseInt(args[4]);
        Path source = randomFile(work.resolve("source.bin"), size);
        String token = register(base);
        List<Double> copy = new ArrayList<>(), copySync = new ArrayList<>(), tus = new ArrayList<>(),
                stored = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            copy.add(mbps(size, copy(source, work.resolve("copy.bin"), false)));
            copySync.add(mbps(size, copy(source, work.resolve("copy.bin"), true)));
            double[] t = tusUpload(base, token, source, size, chunk);
            tus.add(mbps(size, t[0]));
            stored.add(t[1]);
            System.out.printf("round %d: Files.copy %.0f MB/s, Files.copy+fsync %.0f MB/s, tus %.0f MB/s "
                    + "(last PATCH acknowledged after %.2f s; stored as a blob after %.2f s)%n", i, copy.get(i - 1),
                    copySync.get(i - 1), tus.get(i - 1), t[0], t[1]);
        }
        double c = median(copy), cs = median(copySync), u = median(tus);
        System.out.printf("%nmedian of %d rounds, %d MB in %d MB PATCHes:%n", rounds, size >> 20, chunk >> 20);
        System.out.printf("  Files.copy        %8.0f MB/s%n", c);
        System.out.printf("  Files.copy+fsync  %8.0f MB/s%n", cs);
        System.out.printf("  tus upload        %8.0f MB/s (until the last PATCH is acknowledged)%n", u);
        System.out.printf("  time to stored    %8.2f s (POST to upload state COMPLETED: blob stored, catalog told)%n",
                median(stored));
        System.out.printf("  ratio tus/copy       %.2f (goal >= 0.60)%n", u / c);
        System.out.printf("  ratio tus/copy+fsync %.2f%n", u / cs);
    }

    static double copy(Path source, Path target, boolean sync) throws IOException {
        Files.deleteIfExists(target);
        long start = System.nanoTime();
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        if (sync) {
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(target);
        return seconds;
    }

    /** Returns {seconds until the last PATCH was acknowledged, seconds until the upload was stored}. */
    static double[] tusUpload(String base, String token, Path source, long size, int chunk) throws Exception {
        byte[] buffer = new byte[chunk];
        long start = System.nanoTime();
        HttpResponse<String> created = send(request(URI.create(base + "/api/v1/uploads"), token)
                .header("Upload-Length", String.valueOf(size))
                .header("Upload-Metadata", "filename YmVuY2gubXA0,filetype dmlkZW8vbXA0")
                .POST(BodyPublishers.noBody()).build(), 201);
        URI upload = URI.create(created.headers().firstValue("Location").orElseThrow());
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long offset = 0;
            while (offset < size) {
                int n = readFully(in, buffer, offset);
                patch(upload, token, offset, buffer, n);
                offset += n;
            }
        }
        double acked = (System.nanoTime() - start) / 1e9;
        awaitCompleted(upload, token);
        return new double[] {acked, (System.nanoTime() - start) / 1e9};
    }

    /**
     * One PATCH over HttpURLConnection in fixed-length streaming mode (what tus-java-client uses): the body goes
     * straight from the buffer to the socket. java.net.http's HttpClient spent several times more CPU per byte
     * here, which on a busy machine measured the client rather than the server.
     */
    static void patch(URI upload, String token, long offset, byte[] buffer, int n) throws IOException {
        HttpURLConnection c = (HttpURLConnection) upload.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setRequestProperty("X-HTTP-Method-Override", "PATCH");
        c.setRequestProperty("Tus-Resumable", "1.0.0");
        c.setRequestProperty("Authorization", "Bearer " + token);
        c.setRequestProperty("Upload-Offset", String.valueOf(offset));
        c.setRequestProperty("Content-Type", "application/offset+octet-stream");
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(n);
        try (OutputStream out = c.getOutputStream()) {
            out.write(buffer, 0, n);
        }
        int status = c.getResponseCode();
        c.getInputStream().close();
        if (status != 204) {
            throw new IllegalStateException("PATCH " + upload + " -> " + status);
        }
    }

    static int readFully(FileChannel in, byte[] buffer, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buffer);
        while (bb.hasRemaining()) {
            int n = in.read(bb, position + bb.position());
            if (n < 0) {
                break;
            }
        }
        return bb.position();
    }

    static void awaitCompleted(URI upload, String token) throws Exception {
        Pattern state = Pattern.compile("\"state\"\\s*:\\s*\"COMPLETED\"");
        for (int i = 0; i < 6000; i++) {
            String body = HTTP.send(HttpRequest.newBuilder(upload).header("Authorization", "Bearer " + token)
                    .GET().build(), BodyHandlers.ofString()).body();
            if (state.matcher(body).find()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("upload not stored in time");
    }

    static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request, BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + r.statusCode() + " "
                    + r.body());
        }
        return r;
    }

    static String register(String base) throws Exception {
        String name = "bench" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/register"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"Bench-pass-12345!\"}"))
                .build(), BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static Path randomFile(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        ByteBuffer block = ByteBuffer.allocate(8 * 1024 * 1024);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; written += block.capacity()) {
                block.clear();
                while (block.hasRemaining()) {
                    block.putLong(random.nextLong());
                }
                block.flip();
                while (block.hasRemaining()) {
                    out.write(block);
                }
            }
        }
        return file;
    }

    static double mbps(long bytes, double seconds) {
        return bytes / 1024.0 / 1024.0 / seconds;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
