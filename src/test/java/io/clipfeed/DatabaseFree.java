package io.clipfeed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An integration test that touches no database (FFmpeg output, byte stores, wiring): running it again in CI's
 * PostgreSQL pass (profile {@code pg-ci}) would check nothing new.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database-free")
public @interface DatabaseFree {
}
