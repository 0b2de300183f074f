// Time of the covers work alone (what the media-covers step computes: cover candidates and JPEG/WebP covers at 720
// and 360, a 3 s 10 fps animated WebP preview at 240, a storyboard of 90-pixel tiles), on one source, no database.
//   separate: CoverPicker.pick + PreviewMaker.preview + StoryboardMaker.make, each reading the source on its own
//             (the only way the code before the one-pass change could do it; with older classes first on the
//             class path this times that code)
//   one-pass: CoverArt.make, one decode shared by the three
// Usage: java -cp CP bench/media/CoversBench.java MODE SOURCE WORKDIR ROTATION   (prints "MODE seconds")
import java.nio.file.Files;
import java.nio.file.Path;

import io.clipfeed.media.ffmpeg.CoverPicker;
import io.clipfeed.media.ffmpeg.PreviewMaker;
import io.clipfeed.media.ffmpeg.StoryboardMaker;

public class CoversBench {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path source = Path.of(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        int rotation = Integer.parseInt(args[3]);
        long start = System.nanoTime();
        if (mode.equals("separate")) {
            new CoverPicker().pick(source, rotation, new int[] {720, 360}, dir);
            new PreviewMaker().preview(source, rotation, 240, 3, 10, dir.resolve("preview.webp"));
            new StoryboardMaker().make(source, rotation, 90, 10, 100, dir.resolve("sprite.jpg"));
        } else {
            // reflection keeps this file compilable against the older classes, which have no CoverArt
            Class<?> art = Class.forName("io.clipfeed.media.ffmpeg.CoverArt");
            Class<?> request = Class.forName("io.clipfeed.media.ffmpeg.CoverArt$Request");
            Object req = request.getConstructors()[0].newInstance(new int[] {720, 360}, 240, 3, 10, 90, 10, 100);
            art.getMethod("make", Path.class, int.class, request, Path.class)
                    .invoke(art.getConstructor().newInstance(), source, rotation, req, dir);
        }
        System.out.printf("%s %.2f%n", mode, (System.nanoTime() - start) / 1e9);
    }
}
