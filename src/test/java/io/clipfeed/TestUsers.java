package io.clipfeed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs up fresh users over real HTTP for integration tests. Usernames are random, so tests never collide with
 * each other or with data left by earlier runs in a shared database.
 */
public final class TestUsers {

    /** A signed-in user: send {@link #bearer()} as the {@code Authorization} header. */
    public record Session(String token, String userId, String username, String password) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestUsers() {
    }

    /** Registers a user with a random name and password (role user). */
    public static Session register(int port) {
        String username = "t_" + randomHex(10);
        String password = "pw-" + randomHex(12);
        return session(post(port, "/api/v1/auth/register", username, password, 201), password);
    }

    /**
     * Creates a user with the given roles (e.g. {@code Role.MODERATOR}) through the identity API and signs it in
     * over HTTP; staff accounts cannot be made by registering.
     */
    public static Session withRoles(int port, Accounts accounts, Role... roles) {
        String username = "s_" + randomHex(10);
        String password = "pw-" + randomHex(12);
        accounts.ensure(username, password, Set.of(roles));
        return login(port, username, password);
    }

    /** Signs in an existing user (e.g. one created with {@code Accounts.ensure} for a moderator role). */
    public static Session login(int port, String username, String password) {
        return session(post(port, "/api/v1/auth/login", username, password, 200), password);
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static JsonNode post(int port, String path, String username, String password, int expected) {
        String body = JSON.writeValueAsString(java.util.Map.of("username", username, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Session session(JsonNode json, String password) {
        JsonNode user = json.get("user");
        return new Session(json.get("token").asString(), user.get("id").asString(), user.get("username").asString(),
                password);
    }
}
