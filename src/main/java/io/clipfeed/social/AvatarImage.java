package io.clipfeed.social;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import io.clipfeed.platform.ApiProblem;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an uploaded picture into the stored avatar: a centred square, 256×256, re-encoded as a JPEG written without
 * any metadata (EXIF GPS positions and camera serials never leave through us). The size is read from the header
 * before the picture is decoded, so a small file that declares a huge canvas (a decompression bomb) is refused
 * without the memory for it ever being allocated.
 */
final class AvatarImage {

    static final int SIDE = 256;
    static final int MAX_SIDE = 4096;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final Set<String> CONTENT_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png", "webp");
    private static final float QUALITY = 0.88f;

    private AvatarImage() {
    }

    /** The avatar JPEG made from an upload, or a 422 problem saying what is wrong with the upload. */
    static byte[] process(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(in);
            try {
                reader.setInput(in, true, true);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                Orientation orientation = orientation(reader);
                return encode(resize(squareOnWhite(decode(reader)), orientation));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.unprocessable("The picture could not be read: the file is damaged or cut short.");
        }
    }

    static void checkSize(int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw ApiProblem.unprocessable("The picture is %d×%d pixels; at most %d pixels a side are accepted."
                    .formatted(width, height, MAX_SIDE));
        }
        if (width < 1 || height < 1) {
            throw ApiProblem.unprocessable("The picture has no pixels.");
        }
    }

    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException e) {
                // a reader that cannot name its format is no use here
            }
            reader.dispose();
        }
        throw ApiProblem.unprocessable("The upload is not a JPEG, PNG or WebP picture.");
    }

    /** Decoders report a cut-short file as a warning and fill the rest with grey; for an avatar that is an error. */
    private static BufferedImage decode(ImageReader reader) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new IOException(warnings.get(0));
        }
        return image;
    }

    /** The largest centred square, drawn on white so transparent PNG/WebP areas do not turn black in a JPEG. */
    private static BufferedImage squareOnWhite(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = square.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.drawImage(image, -(image.getWidth() - side) / 2, -(image.getHeight() - side) / 2, null);
        } finally {
            g.dispose();
        }
        return square;
    }

    /**
     * Thumbnailator scales down in steps (progressive bilinear), which keeps detail that one big step would alias.
     * Phones store pictures as the sensor saw them and say in EXIF how to turn them upright; the EXIF is not kept,
     * so the turn is applied to the pixels (on the centred square, with which a quarter turn commutes).
     */
    private static BufferedImage resize(BufferedImage square, Orientation orientation) throws IOException {
        var builder = Thumbnails.of(square).forceSize(SIDE, SIDE).imageType(BufferedImage.TYPE_INT_RGB);
        if (orientation != null && orientation != Orientation.TOP_LEFT) {
            builder.addFilter(ExifFilterUtils.getFilterForOrientation(orientation));
        }
        return builder.asBufferedImage();
    }

    /** The EXIF orientation of a JPEG, or null when there is none (or it cannot be read: then as stored). */
    private static Orientation orientation(ImageReader reader) {
        try {
            return ExifUtils.getExifOrientation(reader, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Written with no metadata object, so the file holds pixels and the JFIF header only. */
    private static byte[] encode(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
