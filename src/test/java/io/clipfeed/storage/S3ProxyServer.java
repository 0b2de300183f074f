package io.clipfeed.storage;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * One in-process S3 server (s3proxy over jclouds' in-memory blob store) per test JVM, on a random port, with real
 * SigV4 authentication. Shared because Spring caches the application context that points at it.
 */
public final class S3ProxyServer {

    public static final String ACCESS_KEY = "clipfeed-test";
    public static final String SECRET_KEY = "clipfeed-test-secret";
    private static CompletableFuture<URI> endpoint;

    private S3ProxyServer() {
    }

    /** Starts the server on another thread, so its few seconds of start-up overlap the application's. */
    public static synchronized void startInBackground() {
        if (endpoint == null) {
            endpoint = CompletableFuture.supplyAsync(S3ProxyServer::start);
        }
    }

    public static URI endpoint() {
        startInBackground();
        return endpoint.join();
    }

    private static URI start() {
        BlobStoreContext memory = ContextBuilder.newBuilder("transient").credentials("unused", "unused")
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(memory.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                proxy.stop();
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
        }));
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }
}
