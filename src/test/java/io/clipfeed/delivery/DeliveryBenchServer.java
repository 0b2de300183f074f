package io.clipfeed.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.clipfeed.ClipfeedApplication;
import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.platform.Ids;
import io.clipfeed.storage.BlobStore;

/**
 * Starts the application for {@code bench/delivery/run.sh}: publishes {@code cup.mp4} as a video and writes the
 * signed path of its MP4, its length and the media edge's port to a file, then keeps serving until killed. Arguments: port, data directory, output file,
 * transfer mode (auto, sendfile, stream), optionally the sendfile threshold. Not a test.
 */
public final class DeliveryBenchServer {

    private DeliveryBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClipfeedApplication.class)
                // command-line arguments outrank application.yaml (default properties would not)
                .run("--server.port=" + args[0], "--clipfeed.data-dir=" + args[1], "--clipfeed.demo.enabled=false",
                        "--clipfeed.media.auto-process=false",
                        "--clipfeed.delivery.transfer=" + args[3], "--logging.level.root=WARN",
                        "--spring.main.keep-alive=true",
                        // as nginx's default keepalive_requests; Tomcat's default (100) makes wrk reconnect often
                        "--server.tomcat.max-keep-alive-requests=1000",
                        "--clipfeed.delivery.sendfile-min-size=" + (args.length > 4 ? args[4] : "256KB"),
                        "--clipfeed.delivery.edge.enabled=true", "--clipfeed.delivery.edge.port=0",
                        "--clipfeed.delivery.edge.address=127.0.0.1");
        Clips.Clip clip = Clips.publish(context.getBean(Catalog.class), context.getBean(BlobStore.class),
                Ids.newId(), Visibility.PUBLIC, Clips.none());
        PlayInfo info = context.getBean(PlaybackUrls.class)
                .playInfo(clip.video(), Optional.empty(), PlaybackHints.DEFAULT).orElseThrow();
        Files.writeString(Path.of(args[2]), info.mp4Url() + "\n" + clip.mp4Bytes().length + "\n"
                + context.getBean(MediaEdge.class).port() + "\n");
    }
}
