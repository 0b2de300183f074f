package io.clipfeed.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputFactsTest {

    @Test
    void hevcCodecStringFollowsIso14496Part15() {
        // hvcC of x265 Main, level 3.1 (93), progressive/frame-only constraint byte 0x90
        byte[] main = {1, 0x01, 0x60, 0, 0, 0, (byte) 0x90, 0, 0, 0, 0, 0, 93};
        assertThat(OutputFacts.hevcCodec(main)).isEqualTo("hvc1.1.6.L93.90");
        byte[] main10High = {1, 0x22, 0x20, 0, 0, 0, (byte) 0xb0, 0, 0, 0, 0, 0, (byte) 153};
        assertThat(OutputFacts.hevcCodec(main10High)).isEqualTo("hvc1.2.4.H153.B0");
    }
}
