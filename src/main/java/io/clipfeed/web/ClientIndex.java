package io.clipfeed.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The built client's {@code index.html} (Vite writes it into {@code static/} with the hashed bundle names) as a
 * template the server adds to: markup at the top of the head (before the stylesheet, so an inline script there is
 * not held back by it), at the start of the body and at its end. Read once, and again only when the file changes
 * (a client rebuilt under a running server during development); absent when the client was not built.
 */
@Component
class ClientIndex {

    private static final Pattern CHARSET = Pattern.compile("(?i)<meta\\s+charset[^>]*>");
    private static final Pattern HEAD_START = Pattern.compile("(?i)<head[^>]*>");
    private static final Pattern BODY_START = Pattern.compile("(?i)<body[^>]*>");
    private static final Pattern BODY_END = Pattern.compile("(?i)</body>");

    private record Read(Optional<String> html, long modified) {
    }

    private final ClassPathResource resource;
    /** Only a file on disk can change (target/classes during development); a jar entry is read once. */
    private final boolean reloadable;
    private volatile Read read;

    ClientIndex() {
        this.resource = new ClassPathResource("static/index.html");
        this.reloadable = resource.isFile();
        this.read = read(resource);
    }

    /** A fixed page, for tests. */
    ClientIndex(String html) {
        this.resource = null;
        this.reloadable = false;
        this.read = new Read(Optional.of(html), 0);
    }

    boolean built() {
        return current().html().isPresent();
    }

    String render(String head, String bodyStart, String bodyEnd) {
        String page = current().html().orElseThrow(() -> new IllegalStateException("the web client is not built"));
        // after the charset declaration, which must stay first; else right after <head>
        Matcher charset = CHARSET.matcher(page);
        int headAt = charset.find() ? charset.end() : end(HEAD_START, page, 0);
        int bodyAt = end(BODY_START, page, headAt);
        Matcher close = BODY_END.matcher(page);
        int closeAt = close.find(bodyAt) ? close.start() : page.length();
        return page.substring(0, headAt) + head + page.substring(headAt, bodyAt) + bodyStart
                + page.substring(bodyAt, closeAt) + bodyEnd + page.substring(closeAt);
    }

    private static int end(Pattern pattern, String page, int from) {
        Matcher m = pattern.matcher(page);
        if (!m.find(from)) {
            throw new IllegalStateException("index.html has no " + pattern.pattern());
        }
        return m.end();
    }

    private Read current() {
        Read last = read;
        if (reloadable && modified(resource) != last.modified()) {
            last = read(resource);
            read = last;
        }
        return last;
    }

    private static long modified(ClassPathResource resource) {
        try {
            return resource.exists() ? resource.lastModified() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Read read(ClassPathResource resource) {
        long modified = modified(resource);
        if (modified < 0) {
            return new Read(Optional.empty(), -1);
        }
        try (InputStream in = resource.getInputStream()) {
            return new Read(Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)), modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
