package io.clipfeed.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Small helpers over libavutil: return-code checks, error strings, rationals, option dictionaries. */
final class Av {

    private Av() {
    }

    static int check(int ret, String step) {
        if (ret < 0) {
            throw new FfmpegException(step, ret, error(ret));
        }
        return ret;
    }

    static String error(int ret) {
        byte[] buffer = new byte[256];
        av_strerror(ret, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The MP4 sample entry Apple requires for HEVC (parameter sets out of band), as FFmpeg's little-endian tag. */
    static final int HVC1 = 'h' | ('v' << 8) | ('c' << 16) | ('1' << 24);

    static AVRational rational(int num, int den) {
        return av_make_q(num, den);
    }

    /** A dictionary the caller frees with {@code av_dict_free}. */
    static AVDictionary dictionary(Map<String, String> options) {
        AVDictionary dict = new AVDictionary(null);
        options.forEach((key, value) -> av_dict_set(dict, key, value, 0));
        return dict;
    }
}
