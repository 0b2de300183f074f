package io.clipfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.clipfeed.media.ffmpeg.CoverArt;
import io.clipfeed.media.ffmpeg.CoverPicker;

@io.clipfeed.DatabaseFree
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

    @Test
    void oneDecodeMakesCoversPreviewAndAStoryboardWhoseTilesShowTheirOwnInstants() throws Exception {
        // keyframes every 12 frames: the pass seeks forward between the storyboard's instants
        Path portrait = ClipMaker.clip().size(640, 360).rotation(90).seconds(6).silent()
                .write(dir.resolve("art.mp4"));
        CoverArt.Result art = new CoverArt().make(portrait, 90, CoverStep.REQUEST, dir);

        assertThat(art.covers()).extracting(CoverPicker.Image::contentType)
                .containsExactly("image/jpeg", "image/webp", "image/jpeg", "image/webp");
        var large = ImageIO.read(art.covers().get(0).file().toFile());
        assertThat(large.getWidth()).isEqualTo(360);
        assertThat(large.getHeight()).isEqualTo(640);
        String preview = Files.readString(art.preview(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(preview.split("ANMF", -1).length - 1).isBetween(28, 31);

        assertThat(art.sprite().tiles()).isEqualTo(6);
        var sprite = ImageIO.read(art.sprite().file().toFile());
        assertThat(sprite.getWidth()).isEqualTo(6 * 90);
        assertThat(sprite.getHeight()).isEqualTo(160);
        // the pattern moves every frame, so tiles taken at different instants differ from each other
        for (int a = 0; a < 6; a++) {
            for (int b = a + 1; b < 6; b++) {
                assertThat(difference(sprite, a, b)).as("tiles %d and %d", a, b).isGreaterThan(8.0);
            }
        }
    }

    private static double difference(java.awt.image.BufferedImage sprite, int a, int b) {
        long sum = 0;
        int n = 0;
        for (int y = 10; y < 150; y += 3) {
            for (int x = 10; x < 80; x += 3) {
                int p = sprite.getRGB(a * 90 + x, y);
                int q = sprite.getRGB(b * 90 + x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                    n++;
                }
            }
        }
        return sum / (double) n;
    }
}
