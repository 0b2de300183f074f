package io.clipfeed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real sample clips of {@code ../shared/media} (never copied into the repository), found from the repository
 * root, from a worktree one level deeper, or through {@code CLIPFEED_MEDIA_DIR}.
 */
public final class SampleClips {

    private SampleClips() {
    }

    public static Path path(String name) {
        String configured = System.getenv("CLIPFEED_MEDIA_DIR");
        for (Path dir : new Path[] {configured == null ? null : Path.of(configured), Path.of("../shared/media"),
                Path.of("../../shared/media"), Path.of("/work/shared/media")}) {
            if (dir != null && Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("Sample clip " + name + " not found: set CLIPFEED_MEDIA_DIR or put the "
                + "shared media folder beside the project (../shared/media)");
    }
}
