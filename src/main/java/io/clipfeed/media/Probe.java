package io.clipfeed.media;

/**
 * What probing a source file found out, in domain terms. {@code video} or {@code audio} is null when the file has
 * no such track. {@code sampledFrames}/{@code brokenFrames} come from decoding the first frames: a few broken
 * frames are tolerated, a source of which nothing decodes is rejected.
 */
public record Probe(String container, long sizeBytes, long durationMs, long startMs, long bitrate, VideoTrack video,
        AudioTrack audio, int sampledFrames, int brokenFrames) {

    /** Frame size as stored ({@code width}×{@code height}); {@code rotation} is clockwise degrees (0/90/180/270). */
    public record VideoTrack(String codec, String profile, String pixelFormat, int width, int height, int rotation,
            int sarNum, int sarDen, double fps, boolean variableFrameRate, long bitrate, boolean decoderAvailable,
            String colorTransfer) {

        public VideoTrack(String codec, String profile, String pixelFormat, int width, int height, int rotation,
                int sarNum, int sarDen, double fps, boolean variableFrameRate, long bitrate,
                boolean decoderAvailable) {
            this(codec, profile, pixelFormat, width, height, rotation, sarNum, sarDen, fps, variableFrameRate,
                    bitrate, decoderAvailable, "");
        }

        /** The HDR transfer ({@code smpte2084} = PQ, {@code arib-std-b67} = HLG) that needs tone-mapping, or null. */
        public String hdrTransfer() {
            return "smpte2084".equals(colorTransfer) || "arib-std-b67".equals(colorTransfer) ? colorTransfer : null;
        }

        /** Width as shown to the viewer: SAR applied, then rotation. */
        public int displayWidth() {
            return quarterTurn() ? squarePixelHeight() : squarePixelWidth();
        }

        public int displayHeight() {
            return quarterTurn() ? squarePixelWidth() : squarePixelHeight();
        }

        boolean quarterTurn() {
            return rotation == 90 || rotation == 270;
        }

        private int squarePixelWidth() {
            if (sarNum <= 0 || sarDen <= 0 || sarNum == sarDen) {
                return width;
            }
            return (int) Math.round(width * (double) sarNum / sarDen);
        }

        private int squarePixelHeight() {
            return height;
        }
    }

    public record AudioTrack(String codec, int sampleRate, int channels) {
    }

    public boolean hasVideo() {
        return video != null;
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
