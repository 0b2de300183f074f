/**
 * Cross-cutting plumbing every module relies on: security filter chain, RFC 9457 problem responses, request ids in the MDC, the {@code Clock}, opaque id generation, the durable job scheduler and process role.
 */
@ApplicationModule(displayName = "platform", allowedDependencies = {})
package io.clipfeed.platform;

import org.springframework.modulith.ApplicationModule;
