package io.clipfeed.delivery;

/** The parts of an HTTP request a media answer depends on, whichever server received it. */
interface MediaRequest {

    String method();

    /** The first value of a header, or null. */
    String header(String name);
}
