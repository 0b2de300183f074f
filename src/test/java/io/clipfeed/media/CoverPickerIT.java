package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.CoverPicker;

class CoverPickerIT {

    @TempDir
    Path dir;

    @Test
    void writesUprightJpegAndWebpCoversInTwoSizes() throws Exception {
        Path rotated = ClipMaker.clip().size(640, 360).rotation(90).seconds(3).write(dir.resolve("portrait.mp4"));
        List<CoverPicker.Image> images = new CoverPicker().pick(rotated, 90, CoverStep.SIZES, dir);

        assertThat(images).extracting(CoverPicker.Image::contentType)
                .containsExactly("image/jpeg", "image/webp", "image/jpeg", "image/webp");
        var large = ImageIO.read(images.get(0).file().toFile());
        assertThat(large.getWidth()).isEqualTo(360);
        assertThat(large.getHeight()).isEqualTo(640);
        var small = ImageIO.read(images.get(2).file().toFile());
        assertThat(small.getWidth()).isEqualTo(360);
        byte[] webp = Files.readAllBytes(images.get(1).file());
        assertThat(new String(webp, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(webp, 8, 4)).isEqualTo("WEBP");
    }

    @Test
    void picksAFrameThatIsNeitherBlackNorBlurredFromARealClip() throws Exception {
        List<CoverPicker.Image> images = new CoverPicker().pick(LadderTranscoderIT.shared("cup.mp4"), 0,
                new int[] {360}, dir);
        var cover = ImageIO.read(images.get(0).file().toFile());
        assertThat(cover.getWidth()).isEqualTo(480);
        assertThat(cover.getHeight()).isEqualTo(360);
        long sum = 0;
        for (int y = 0; y < cover.getHeight(); y += 4) {
            for (int x = 0; x < cover.getWidth(); x += 4) {
                int rgb = cover.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        double mean = sum / 3.0 / ((cover.getHeight() / 4) * (cover.getWidth() / 4));
        assertThat(mean).isBetween(30.0, 225.0);
    }

    @Test
    void previewIsAThreeSecondLoopingAnimatedWebpAtTenFramesASecond() throws Exception {
        Path preview = new io.clipfeed.media.ffmpeg.PreviewMaker().preview(LadderTranscoderIT.shared("cup.mp4"), 0,
                240, 3, 10, dir.resolve("preview.webp"));
        byte[] webp = Files.readAllBytes(preview);
        String text = new String(webp, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("RIFF").contains("WEBPVP8X").contains("ANIM");
        int frames = text.split("ANMF", -1).length - 1;
        assertThat(frames).isBetween(28, 31);
        assertThat(webp.length).isLessThan(400_000);
    }

    @Test
    void storyboardSpriteHasOneUprightTilePerSecondOfClip() throws Exception {
        Path portrait = ClipMaker.clip().size(640, 360).rotation(90).seconds(5).write(dir.resolve("p.mp4"));
        var sprite = new io.clipfeed.media.ffmpeg.StoryboardMaker().make(portrait, 90, 90, 10, 100,
                dir.resolve("sprite.jpg"));
        assertThat(sprite.tiles()).isEqualTo(5);
        assertThat(sprite.tileWidth()).isEqualTo(90);
        assertThat(sprite.tileHeight()).isEqualTo(160);
        var image = ImageIO.read(sprite.file().toFile());
        assertThat(image.getWidth()).isEqualTo(5 * 90);
        assertThat(image.getHeight()).isEqualTo(160);
    }
}
