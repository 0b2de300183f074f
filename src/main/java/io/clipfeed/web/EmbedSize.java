package io.clipfeed.web;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The size of an embedded player (pure): the video's shape scaled to {@link #DEFAULT_WIDTH} wide, or smaller to
 * fit a consumer's {@code maxwidth}/{@code maxheight}; never scaled up past the video itself.
 */
record EmbedSize(int width, int height) {

    static final int DEFAULT_WIDTH = 360;

    static EmbedSize fit(int videoWidth, int videoHeight, Integer maxWidth, Integer maxHeight) {
        double w = Math.max(1, videoWidth);
        double h = Math.max(1, videoHeight);
        double scale = Math.min(1.0, DEFAULT_WIDTH / w);
        if (maxWidth != null) {
            scale = Math.min(scale, maxWidth / w);
        }
        if (maxHeight != null) {
            scale = Math.min(scale, maxHeight / h);
        }
        return new EmbedSize(Math.max(1, (int) Math.floor(w * scale)), Math.max(1, (int) Math.floor(h * scale)));
    }

    String iframe(String src, String title) {
        return "<iframe src=\"" + htmlEscape(src, "UTF-8") + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + htmlEscape(title, "UTF-8") + "\" frameborder=\"0\" allow=\"autoplay; fullscreen;"
                + " picture-in-picture\" allowfullscreen></iframe>";
    }
}
