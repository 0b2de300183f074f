package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.clipfeed.platform.ApiProblem;

class AvatarImageTest {

    @Test
    void aWidePictureBecomesItsCentreAt256() throws Exception {
        byte[] jpeg = AvatarImage.process(AvatarPictures.encode(AvatarPictures.redCentre(1200, 400), "png"));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(out.getWidth()).isEqualTo(256);
        assertThat(out.getHeight()).isEqualTo(256);
        assertThat(new Color(out.getRGB(1, 128)).getRed()).isGreaterThan(200);
        assertThat(new Color(out.getRGB(254, 128)).getBlue()).isLessThan(60);
    }

    @Test
    void aPhotoStoredSidewaysComesOutUprightAsItsExifSays() throws Exception {
        byte[] jpeg = AvatarImage.process(AvatarPictures.jpegTurnedClockwise(AvatarPictures.redOverBlue(400)));
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(jpeg));
        // turned 90° clockwise, the red top half is the right half
        assertThat(new Color(out.getRGB(230, 128)).getRed()).isGreaterThan(200);
        assertThat(new Color(out.getRGB(25, 128)).getBlue()).isGreaterThan(200);
        assertThat(AvatarPictures.hasApp1(jpeg)).as("EXIF is still dropped").isFalse();
    }

    @Test
    void aTinyPictureIsScaledUp() throws Exception {
        byte[] jpeg = AvatarImage.process(AvatarPictures.encode(AvatarPictures.redCentre(10, 10), "jpeg"));
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(256);
    }

    @Test
    void aHugeCanvasIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> AvatarImage.process(AvatarPictures.pngBomb(4097, 10)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(p.getBody().getDetail()).contains("4097×10");
                });
    }

    @Test
    void aTransparentPngTurnsWhiteNotBlack() throws Exception {
        BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
        byte[] jpeg = AvatarImage.process(AvatarPictures.encode(clear, "png"));
        Color c = new Color(ImageIO.read(new ByteArrayInputStream(jpeg)).getRGB(128, 128));
        assertThat(c.getRed() + c.getGreen() + c.getBlue()).isGreaterThan(3 * 240);
    }
}
