/**
 * The static web client, share pages and page routes.
 */
@ApplicationModule(displayName = "web", allowedDependencies = {"catalog", "delivery", "feed", "identity", "platform"})
package io.clipfeed.web;

import org.springframework.modulith.ApplicationModule;
