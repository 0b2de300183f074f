/**
 * Videos, renditions, creators, hashtags and the video lifecycle state machine; publishes the lifecycle events ({@code VideoUploaded}, {@code VideoPlayable}, {@code VideoPublished}, {@code VideoRemoved}) the other modules react to.
 */
@ApplicationModule(displayName = "catalog", allowedDependencies = {"identity", "platform"})
package io.clipfeed.catalog;

import org.springframework.modulith.ApplicationModule;
