package io.clipfeed.delivery;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The media edge: {@code /media/**} served on a port of its own by a small Netty server, for deployments where
 * media traffic matters ({@code clipfeed.delivery.edge.enabled}). Why a second server: a media request needs no
 * session, CSRF, MVC or observation machinery — its signed URL is the whole authorisation — yet through the servlet
 * stack each one pays for them, and Tomcat hands every sendfile back and forth between its poller and request
 * threads. Here a request is parsed, checked and answered on one event-loop thread, bodies go by sendfile (epoll) or
 * {@code transferTo} (NIO), and a lookup that would block (a video's status not in the half-second cache, a blob not
 * yet known) runs on a small worker pool while the connection waits. Answers are the same as Tomcat's: both send a
 * {@link MediaAnswer} from {@link MediaAnswers}, checked by the same {@link MediaAccess}.
 */
@Component
class MediaEdge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MediaEdge.class);
    /** Request line: a media URL is ~200 characters; headers: a browser's are well under 8 KB. */
    static final int MAX_INITIAL_LINE = 2048;
    static final int MAX_HEADER_BYTES = 8192;

    private final DeliverySettings.Edge settings;
    private final EdgeExchange exchange;
    private final EdgeFiles files = new EdgeFiles();
    private volatile EventLoopGroup group;
    private volatile ThreadPoolExecutor lookups;
    private volatile Channel server;
    private volatile int port = -1;

    private final Counter[] answered = new Counter[6];

    MediaEdge(DeliverySettings settings, MediaAccess access, ServedBlobs blobs, ServableVideos videos,
            @Value("${clipfeed.cors.allowed-origins:*}") List<String> allowedOrigins, MeterRegistry meters) {
        this.settings = settings.edge();
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(allowedOrigins);
        cors.setAllowedHeaders(List.of("Range", "If-Range", "If-None-Match", "If-Modified-Since", "Origin",
                "X-Requested-With"));
        this.exchange = new EdgeExchange(access, blobs, videos, cors, files);
        for (int family = 1; family <= 5; family++) {
            answered[family] = Counter.builder("clipfeed.delivery.edge.responses").tag("status", family + "xx")
                    .description("Responses of the media edge by status family").register(meters);
        }
    }

    /** Counts one response (what an operator watches: 4xx are bad links, 5xx the edge's own trouble). */
    void answered(int status) {
        int family = status / 100;
        if (family >= 1 && family <= 5) {
            answered[family].increment();
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || server != null) {
            return;
        }
        boolean epoll = Epoll.isAvailable();
        // one event loop per core (Netty's default is two): more only adds context switches to sendfile's work
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        group = new MultiThreadIoEventLoopGroup(threads,
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        // lookups are short database or store reads; a bounded queue answers 503 rather than piling up
        lookups = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024),
                r -> {
                    Thread t = new Thread(r, "media-edge-lookup");
                    t.setDaemon(true);
                    return t;
                });
        lookups.allowCoreThreadTimeOut(true);
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        long idleSeconds = Math.max(1, settings.idleTimeout().toSeconds());
        try {
            server = new ServerBootstrap().group(group).channel(channel)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            // observeOutput: a long send to a slow viewer is progress, not idleness
                            ch.pipeline().addLast(
                                    new IdleStateHandler(true, 0, 0, idleSeconds, TimeUnit.SECONDS),
                                    new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192),
                                    new EdgeHandler(exchange, files, lookups, MediaEdge.this::answered));
                        }
                    })
                    .bind(settings.address(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("media edge start interrupted", e);
        }
        port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
        log.info("Media edge serving /media/ on {}:{} ({})", settings.address(), port, epoll ? "epoll" : "nio");
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        lookups.shutdownNow();
        files.closeAll();
        server = null;
        port = -1;
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** The bound port, or -1 when the edge is off. */
    int port() {
        return port;
    }
}
