package io.clipfeed.delivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Every range, caching, CORS and path rule of {@link MediaRangeIT}, asked of the media edge instead of Tomcat: the
 * two servers must answer alike.
 */
@TestPropertySource(properties = {"clipfeed.delivery.edge.enabled=true", "clipfeed.delivery.edge.port=0",
        "clipfeed.delivery.edge.address=127.0.0.1"})
class MediaEdgeRangeIT extends MediaRangeIT {

    @Autowired
    MediaEdge edge;

    @Override
    int mediaPort() {
        return edge.port();
    }
}
