package io.clipfeed.demo;

import java.util.List;

/** The first-run content: three creators and five short clips, each with a caption and hashtags. */
final class DemoContent {

    record DemoClip(String creator, String title, String description, ClipSpec spec) {
    }

    static final List<String> CREATORS = List.of("demo_mika", "demo_tomas", "demo_lin");

    private static final double[] C_MAJOR = {261.63, 329.63, 392.00};
    private static final double[] A_MINOR = {220.00, 261.63, 329.63};
    private static final double[] F_MAJOR = {174.61, 220.00, 261.63};
    private static final double[] G_MAJOR = {196.00, 246.94, 293.66};
    private static final double[] D_MINOR = {293.66, 349.23, 440.00};

    static final List<DemoClip> CLIPS = List.of(
            new DemoClip("demo_mika", "Sunrise loop", "Three seconds of morning light #sunrise #loop #clipfeed",
                    new ClipSpec(540, 960, 30, 3000, 0.08f, 0.14f, "Sunrise", C_MAJOR)),
            new DemoClip("demo_mika", "Ocean orbit", "Round and round, blue on blue #ocean #calm",
                    new ClipSpec(540, 960, 30, 2500, 0.52f, 0.62f, "Ocean", A_MINOR)),
            new DemoClip("demo_tomas", "Forest pulse", "Green pulses in a minor key #forest #music #clipfeed",
                    new ClipSpec(720, 1280, 30, 3500, 0.25f, 0.38f, "Forest", F_MAJOR)),
            new DemoClip("demo_tomas", "Neon night", "City lights in four seconds #neon #night",
                    new ClipSpec(540, 960, 30, 4000, 0.75f, 0.95f, "Neon", G_MAJOR)),
            new DemoClip("demo_lin", "Hello Clipfeed", "My first clip! #hello #clipfeed #firstpost",
                    new ClipSpec(540, 960, 30, 2000, 0.95f, 1.05f, "Hello!", D_MINOR)));

    private DemoContent() {
    }
}
