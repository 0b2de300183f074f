package io.clipfeed.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one inline script of the home page, allowed by its hash in the Content-Security-Policy (so no
 * {@code 'unsafe-inline'} and no per-response nonce). It sits in the head, before the stylesheet, so it runs at
 * once; when the parser creates the server-rendered first video it notes when that video presents its first frame
 * ({@code data-first-frame-at}: the frame's presentation time since navigation start; {@code
 * data-first-frame-callback-at}: when the main thread could run the callback), which may happen before the client
 * bundle has arrived.
 * The video needs no script to start: its markup carries {@code src}, {@code autoplay} and {@code muted}.
 */
final class BootScript {

    static final String SOURCE = "new MutationObserver(function(r,o){var v=document.getElementById('boot-video');"
            + "if(!v)return;o.disconnect();if(v.requestVideoFrameCallback)v.requestVideoFrameCallback(function(t,m){"
            + "v.dataset.firstFrameAt=String(Math.round(m&&m.presentationTime||t));"
            + "v.dataset.firstFrameCallbackAt=String(Math.round(t))})}).observe(document,{childList:true,subtree:true});";

    /** The CSP source expression that allows exactly {@link #SOURCE}. */
    static final String CSP_HASH = "'sha256-" + Base64.getEncoder().encodeToString(sha256(SOURCE)) + "'";

    static final String TAG = "<script>" + SOURCE + "</script>\n";

    private BootScript() {
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
