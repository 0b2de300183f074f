package io.clipfeed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives headless Chromium. CI's PostgreSQL pass leaves these out (profile {@code pg-ci}): what they
 * check is the client's behaviour, which does not depend on the database kind, and they are the suite's slowest.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
public @interface BrowserTest {
}
