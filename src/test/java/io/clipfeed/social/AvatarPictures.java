package io.clipfeed.social;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Pictures made by the tests: with EXIF GPS, with a coloured centre, and a decompression bomb's header. */
final class AvatarPictures {

    private AvatarPictures() {
    }

    /** Blue bands at the sides and red in the middle square, so a centred crop comes out all red. */
    static BufferedImage redCentre(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        int side = Math.min(width, height);
        g.setColor(Color.RED);
        g.fillRect((width - side) / 2, (height - side) / 2, side, side);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose EXIF puts the photographer in Lisbon. */
    static byte[] jpegWithGps(BufferedImage image) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(-9.1393, 38.7223);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(encode(image, "jpeg"), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG stored sideways, whose EXIF orientation (6: turn 90° clockwise to view) sets it upright. */
    static byte[] jpegTurnedClockwise(BufferedImage image) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(encode(image, "jpeg"), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A square: red top half, blue bottom half. */
    static BufferedImage redOverBlue(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, side, side / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, side / 2, side, side - side / 2);
        g.dispose();
        return image;
    }

    /** A tiny PNG whose header claims {@code width}×{@code height}: decoding it would need gigabytes. */
    static byte[] pngBomb(int width, int height) {
        byte[] png = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        // IHDR starts at byte 8: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, then its CRC
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }

    /** True when the JPEG has an APP1 segment (EXIF or XMP) before its image data. */
    static boolean hasApp1(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xE1) {
                return true;
            }
            if (marker == 0xDA) {
                return false;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        return false;
    }
}
