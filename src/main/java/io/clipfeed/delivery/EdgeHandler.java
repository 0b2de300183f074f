package io.clipfeed.delivery;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One connection of the {@link MediaEdge}. Requests are answered in the order they arrived (HTTP/1.1 pipelining):
 * while one waits for a lookup on the worker pool, later ones queue behind it and the connection stops reading.
 */
final class EdgeHandler extends SimpleChannelInboundHandler<HttpObject> {

    private static final Logger log = LoggerFactory.getLogger(EdgeHandler.class);
    private static final int MAX_QUEUED = 16;
    private static volatile long dateSecond;
    private static volatile String date = "";

    private final EdgeExchange exchange;
    private final Executor lookups;
    private final IntConsumer answered;
    private final EdgeFiles files;
    private static final int MAX_DROPPED_BODY = 64 * 1024;
    private final Queue<HttpRequest> queue = new ArrayDeque<>();
    private boolean waiting;
    /** The request whose body is still arriving, and how much of it has been dropped. */
    private HttpRequest unread;
    private long dropped;

    EdgeHandler(EdgeExchange exchange, EdgeFiles files, Executor lookups, IntConsumer answered) {
        this.exchange = exchange;
        this.files = files;
        this.lookups = lookups;
        this.answered = answered;
    }

    /**
     * A request is answered once its body (media requests have none; a POST may) has been read and dropped: an
     * answer that closes the connection while body bytes are still arriving makes the kernel reset it, and the
     * client then loses the answer. A body larger than {@link #MAX_DROPPED_BODY} is not waited for.
     */
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            if (queue.size() >= MAX_QUEUED) {
                ctx.close(); // a client pipelining without reading its answers
                return;
            }
            unread = request;
            dropped = 0;
            if (request.decoderResult().isFailure()) { // too long a line or headers: no body follows
                answerWhenRead(ctx);
                return;
            }
        }
        if (msg instanceof HttpContent content && unread != null) {
            dropped += content.content().readableBytes();
            if (msg instanceof LastHttpContent || dropped > MAX_DROPPED_BODY) {
                answerWhenRead(ctx);
            }
        }
    }

    private void answerWhenRead(ChannelHandlerContext ctx) {
        queue.add(unread);
        unread = null;
        drain(ctx);
    }

    private void drain(ChannelHandlerContext ctx) {
        while (!waiting && !queue.isEmpty() && ctx.channel().isActive()) {
            HttpRequest request = queue.poll();
            Optional<MediaPath> path = exchange.pathOf(request);
            if (!exchange.needsLookup(request, path)) {
                send(ctx, request, exchange.reply(request, path));
                continue;
            }
            waiting = true;
            ctx.channel().config().setAutoRead(false);
            try {
                lookups.execute(() -> {
                    EdgeExchange.Reply reply = replyOrFailure(request, path);
                    ctx.executor().execute(() -> {
                        waiting = false;
                        send(ctx, request, reply);
                        ctx.channel().config().setAutoRead(true);
                        drain(ctx);
                    });
                });
            } catch (RejectedExecutionException e) {
                waiting = false;
                ctx.channel().config().setAutoRead(true);
                send(ctx, request, EdgeExchange.problem(503, "Service Unavailable",
                        "The media server is overloaded; try again.", true));
            }
        }
    }

    private EdgeExchange.Reply replyOrFailure(HttpRequest request, Optional<MediaPath> path) {
        try {
            return exchange.reply(request, path);
        } catch (RuntimeException e) {
            log.warn("Media edge lookup failed for {}", request.uri(), e);
            return EdgeExchange.problem(503, "Service Unavailable", "This file cannot be served right now.", true);
        }
    }

    private void send(ChannelHandlerContext ctx, HttpRequest request, EdgeExchange.Reply reply) {
        List<Object> body;
        try {
            body = body(reply);
        } catch (IOException e) {
            // the file went between the check and the send: answer as for any missing file
            exchange.forget(reply.sha256());
            send(ctx, request, EdgeExchange.problem(404, "Not Found", "This file is no longer stored.", false));
            return;
        }
        MediaAnswer answer = reply.answer();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !reply.close();
        DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()));
        HttpHeaders headers = response.headers();
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            headers.set(header.getKey(), header.getValue());
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Date", date());
        if (answer.declaresLength()) {
            HttpUtil.setContentLength(response, answer.contentLength());
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        ctx.write(response);
        for (Object piece : body) {
            ctx.write(piece);
        }
        ChannelFuture done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        answered.accept(answer.status());
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The body's pieces as Netty messages (none for HEAD); stored ones by sendfile from a shared open file. */
    private List<Object> body(EdgeExchange.Reply reply) throws IOException {
        MediaAnswer answer = reply.answer();
        if (!answer.sendBody()) {
            return List.of();
        }
        List<Object> pieces = new ArrayList<>(answer.body().size());
        try {
            for (MediaAnswer.Piece piece : answer.body()) {
                if (piece instanceof MediaAnswer.Literal literal) {
                    pieces.add(Unpooled.wrappedBuffer(literal.bytes()));
                } else if (piece instanceof MediaAnswer.Stored stored) {
                    pieces.add(files.region(reply.sha256(), reply.file(), stored.offset(), stored.length()));
                }
            }
        } catch (IOException e) {
            pieces.forEach(ReferenceCountUtil::release);
            throw e;
        }
        return pieces;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a client that went away mid-body, a reset: nothing to answer
        log.debug("Media edge connection closed: {}", cause.toString());
        ctx.close();
    }

    /** The Date header, formatted once a second. */
    private static String date() {
        long now = System.currentTimeMillis();
        long second = now / 1000;
        if (second != dateSecond) {
            date = DateFormatter.format(new Date(now));
            dateSecond = second;
        }
        return date;
    }
}
