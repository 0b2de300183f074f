package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AvatarDefaultTest {

    @Test
    void showsTheUppercaseInitial() {
        assertThat(AvatarDefault.svg("u1", "mila")).contains(">M</text>");
        assertThat(AvatarDefault.initial("élan")).isEqualTo("É");
        assertThat(AvatarDefault.initial(" ")).isEqualTo("?");
    }

    @Test
    void markupInAUsernameStaysText() throws Exception {
        String name = "<script>alert(1)</script>&\"'";
        String svg = AvatarDefault.svg("u2", name);
        assertThat(svg).doesNotContain("<script>");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(name);
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("<");
    }
}
