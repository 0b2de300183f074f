package io.clipfeed.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.clipfeed.catalog.RenditionKind;
import io.clipfeed.catalog.StartingRung;
import io.clipfeed.delivery.PlayInfo;

/**
 * Which progressive rendition the home page starts as its first video, before any script has run (pure). The
 * first frame waits for the moov box and the first samples, so fewer bytes start sooner: the smallest H.264 MP4
 * whose short side is at least {@value #MIN_SHORT_SIDE} px (a phone's screen width in CSS pixels; below that the
 * picture would look soft), or the largest one when none is that big. H.264 because every browser decodes it and
 * the server does not yet know this one's codecs. None when delivery advises HLS (a long clip, a poor network or
 * Save-Data: the client starts those through hls.js) or the video has no MP4. {@code starterUrl}: the video's
 * starter (a video-only copy of that rung) when it has one of the same size: the page starts muted, and without an
 * audio track the first frame comes sooner; the player moves to {@code url} when the viewer wants sound.
 */
record FirstVideo(String url, int width, int height, String starterUrl) {

    FirstVideo(String url, int width, int height) {
        this(url, width, height, null);
    }

    /** The rung itself, as pages did before starters (for comparing: {@code GET /?starter=off}). */
    FirstVideo withoutStarter() {
        return new FirstVideo(url, width, height, null);
    }

    /** What the page's video element loads first. */
    String src() {
        return starterUrl != null ? starterUrl : url;
    }

    static final int MIN_SHORT_SIDE = StartingRung.MIN_SHORT_SIDE;

    static Optional<FirstVideo> of(PlayInfo play) {
        if (play == null || play.mp4Url() == null || RenditionKind.HLS.wireName().equals(play.format())) {
            return Optional.empty();
        }
        List<Candidate> rungs = new ArrayList<>();
        if (play.rendition() != null) {
            rungs.add(new Candidate(play.mp4Url(), play.rendition().codec(), play.rendition().width(),
                    play.rendition().height()));
        }
        for (PlayInfo.Alternate alt : play.alternates() == null ? List.<PlayInfo.Alternate>of() : play.alternates()) {
            if (alt.url() != null) {
                rungs.add(new Candidate(alt.url(), alt.codec(), alt.width(), alt.height()));
            }
        }
        return StartingRung.pick(rungs, Candidate::codec, Candidate::width, Candidate::height)
                .map(c -> new FirstVideo(c.url(), c.width(), c.height()).withStarter(play.starter()));
    }

    private record Candidate(String url, String codec, int width, int height) {
    }

    private FirstVideo withStarter(PlayInfo.Starter starter) {
        boolean fits = starter != null && starter.url() != null && StartingRung.isH264(starter.codec())
                && starter.width() == width && starter.height() == height;
        return fits ? new FirstVideo(url, width, height, starter.url()) : this;
    }
}
