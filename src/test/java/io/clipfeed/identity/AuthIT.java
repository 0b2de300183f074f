package io.clipfeed.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.clipfeed.IntegrationTestBase;
import io.clipfeed.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuthIT extends IntegrationTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcAccounts accounts;
    @Autowired
    Passwords passwords;
    @Autowired
    AccessTokens tokens;

    @Test
    void registersSignsInShowsTheUserAndSignsOut() throws Exception {
        String name = "Reg_" + TestUsers.randomHex(6);
        HttpResponse<String> registered = post("/api/v1/auth/register", credentials(name, "correct horse 1"), Map.of());
        assertThat(registered.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(registered.body());
        assertThat(body.get("user").get("username").asString()).isEqualTo(name.toLowerCase());
        assertThat(body.get("user").get("roles").toString()).isEqualTo("[\"user\"]");
        assertThat(body.get("token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(registered.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("clipfeed_session=").contains("HttpOnly"));

        HttpResponse<String> login = post("/api/v1/auth/login", credentials(name.toUpperCase(), "correct horse 1"),
                Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        String token = JSON.readTree(login.body()).get("token").asString();
        HttpResponse<String> me = get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("id").asString()).isEqualTo(body.get("user").get("id").asString());

        assertThat(post("/api/v1/auth/logout", "", Map.of("Authorization", "Bearer " + token)).statusCode())
                .isEqualTo(204);
        HttpResponse<String> afterLogout = get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + token));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        HttpResponse<String> otherSession = get("/api/v1/auth/me",
                Map.of("Authorization", "Bearer " + body.get("token").asString()));
        assertThat(otherSession.statusCode()).as("only the used token is revoked").isEqualTo(200);
    }

    @Test
    void wrongPasswordIsA401Problem() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        HttpResponse<String> response = post("/api/v1/auth/login", credentials(user.username(), "not the password"),
                Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("Wrong username or password");
        assertThat(get("/api/v1/auth/me", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsLockTheUsernameWithRetryAfter() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", credentials(user.username(), "wrong password " + i), Map.of())
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = post("/api/v1/auth/login", credentials(user.username(), user.password()),
                Map.of());
        assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                s -> assertThat(s).isPositive());
        Thread.sleep(2_100);
        assertThat(post("/api/v1/auth/login", credentials(user.username(), user.password()), Map.of()).statusCode())
                .as("the lock lifts after its delay").isEqualTo(200);
    }

    @Test
    void refusesBadUsernamesAndPasswordsAndDuplicates() throws Exception {
        String fresh = "n_" + TestUsers.randomHex(6);
        assertThat(status("/api/v1/auth/register", credentials("admin", "long enough password"))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials("ab", "long enough password"))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials("bad name!", "long enough password"))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials(fresh, "short"))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials(fresh, "x".repeat(129)))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials(fresh + "xyz", fresh + "xyz"))).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", "{not json")).isEqualTo(400);
        assertThat(status("/api/v1/auth/register", credentials(fresh, "long enough password"))).isEqualTo(201);
        assertThat(status("/api/v1/auth/register", credentials(fresh.toUpperCase(), "another password 2")))
                .isEqualTo(409);
    }

    @Test
    void cookieAuthenticatedWritesNeedTheEchoedCsrfToken() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        HttpResponse<String> login = post("/api/v1/auth/login", credentials(user.username(), user.password()),
                Map.of());
        String session = cookie(login, "clipfeed_session").orElseThrow();
        HttpResponse<String> me = get("/api/v1/auth/me", Map.of("Cookie", "clipfeed_session=" + session));
        assertThat(me.statusCode()).as("cookie authenticates reads").isEqualTo(200);
        String xsrf = cookie(me, "XSRF-TOKEN").orElseThrow();

        HttpResponse<String> withoutToken = post("/api/v1/auth/logout", "",
                Map.of("Cookie", "clipfeed_session=" + session + "; XSRF-TOKEN=" + xsrf));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> withToken = post("/api/v1/auth/logout", "",
                Map.of("Cookie", "clipfeed_session=" + session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf));
        assertThat(withToken.statusCode()).isEqualTo(204);
        assertThat(withToken.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("clipfeed_session=;").contains("Max-Age=0"));
        assertThat(get("/api/v1/auth/me", Map.of("Cookie", "clipfeed_session=" + session)).statusCode())
                .as("the cookie's token is revoked").isEqualTo(401);
    }

    @Test
    void signingInAndOutReplacesTheCsrfToken() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        HttpResponse<String> page = get("/api/v1/feed/trending", Map.of());
        String before = cookie(page, "XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = post("/api/v1/auth/login", credentials(user.username(), user.password()),
                Map.of("Cookie", "XSRF-TOKEN=" + before));
        assertThat(login.statusCode()).isEqualTo(200);
        String after = cookie(login, "XSRF-TOKEN").orElseThrow();
        assertThat(after).isNotEmpty().isNotEqualTo(before);
        String session = cookie(login, "clipfeed_session").orElseThrow();

        HttpResponse<String> oldToken = post("/api/v1/auth/logout", "", Map.of("Cookie",
                "clipfeed_session=" + session + "; XSRF-TOKEN=" + after, "X-XSRF-TOKEN", before));
        assertThat(oldToken.statusCode()).as("the token from before sign-in no longer matches").isEqualTo(403);
        HttpResponse<String> logout = post("/api/v1/auth/logout", "", Map.of("Cookie",
                "clipfeed_session=" + session + "; XSRF-TOKEN=" + after, "X-XSRF-TOKEN", after));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(cookie(logout, "XSRF-TOKEN").orElseThrow()).isNotEmpty().isNotEqualTo(after);
    }

    @Test
    void bearerWritesNeedNoCsrfToken() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        assertThat(post("/api/v1/auth/logout", "", Map.of("Authorization", user.bearer())).statusCode())
                .isEqualTo(204);
    }

    @Test
    void adminPasswordCreatesOrResetsTheAdminAccount() throws Exception {
        String password = "admin-" + TestUsers.randomHex(8);
        new AdminAccount(password, accounts, passwords, tokens).run(null);
        HttpResponse<String> login = post("/api/v1/auth/login", credentials("admin", password), Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).get("user").get("roles").toString()).contains("\"admin\"");
        String token = JSON.readTree(login.body()).get("token").asString();
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + token)).statusCode())
                .as("used once, so this process remembers the token").isEqualTo(200);

        String next = "admin-" + TestUsers.randomHex(8);
        new AdminAccount(next, accounts, passwords, tokens).run(null);
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", "Bearer " + token)).statusCode())
                .as("a reset signs out old admin sessions").isEqualTo(401);
        assertThat(status("/api/v1/auth/login", credentials("admin", next))).isEqualTo(200);
    }

    @Test
    void aRememberedTokenStopsWorkingHereAtOnceWhenRevoked() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        TestUsers.Session sameUser = TestUsers.login(port, user.username(), user.password());
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", user.bearer())).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", sameUser.bearer())).statusCode()).isEqualTo(200);

        tokens.revokeAll(user.userId());

        assertThat(get("/api/v1/auth/me", Map.of("Authorization", user.bearer())).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", sameUser.bearer())).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenRevokedByAnotherProcessIsAcceptedHereOnlyUntilTheCacheForgetsIt() throws Exception {
        TestUsers.Session user = TestUsers.register(port);
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", user.bearer())).statusCode()).isEqualTo(200);

        // another process signs the user out: the row goes, this process hears nothing
        jdbc.sql("delete from access_tokens where account_id = :a").param("a", user.userId()).update();
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", user.bearer())).statusCode())
                .as("remembered for up to clipfeed.identity.token-cache-ttl").isEqualTo(200);

        tokens.forgetAccount(user.userId()); // what the cache's expiry does after token-cache-ttl
        assertThat(get("/api/v1/auth/me", Map.of("Authorization", user.bearer())).statusCode()).isEqualTo(401);
    }

    private static String credentials(String username, String password) {
        return JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    private int status(String path, String body) throws Exception {
        return post(path, body, Map.of()).statusCode();
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty()).findFirst();
    }
}
