package io.clipfeed.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.clipfeed.catalog.Catalog;
import io.clipfeed.catalog.NewVideo;
import io.clipfeed.catalog.Video;
import io.clipfeed.catalog.Visibility;
import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.Role;
import io.clipfeed.storage.Blob;
import io.clipfeed.storage.BlobStore;

/**
 * Creates the demo creators and hands their generated clips to the catalog exactly as a finished upload would
 * (stored blob, then {@code markUploaded}, which starts the media pipeline). Idempotent clip by clip: a creator who
 * already has a video of that title is skipped, so an interrupted first run completes on the next start.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;
    private final Catalog catalog;

    DemoSeeder(Accounts accounts, Catalog catalog) {
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** Returns how many clips were added (0 when everything was already there). */
    int seed(BlobStore blobs) throws IOException {
        Map<String, Account> creators = new HashMap<>();
        for (String name : DemoContent.CREATORS) {
            // nobody signs in as a demo creator: a random password keeps the accounts from being a back door
            creators.put(name, accounts.ensure(name, randomPassword(), Set.of(Role.USER)));
        }
        int added = 0;
        for (DemoContent.DemoClip clip : DemoContent.CLIPS) {
            Account creator = creators.get(clip.creator());
            if (!alreadySeeded(creator, clip.title())) {
                add(blobs, creator, clip);
                added++;
            }
        }
        return added;
    }

    private boolean alreadySeeded(Account creator, String title) {
        return catalog.byCreator(creator.id(), 100).stream().map(Video::title).anyMatch(title::equals);
    }

    private void add(BlobStore blobs, Account creator, DemoContent.DemoClip clip) throws IOException {
        Path file = Files.createTempFile("clipfeed-demo-", ".mp4");
        try {
            ClipGenerator.generate(clip.spec(), file);
            Blob blob = blobs.put(file, "video/mp4");
            Video video = catalog.create(new NewVideo(creator.id(), clip.title(), clip.description(),
                    Visibility.PUBLIC, clip.title().toLowerCase().replace(' ', '-') + ".mp4"));
            catalog.markUploaded(video.id(), blob.key().toString(), blob.size());
            log.info("Seeded demo clip '{}' as video {}", clip.title(), video.id());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String randomPassword() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
