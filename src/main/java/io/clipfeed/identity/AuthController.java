package io.clipfeed.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.CsrfTokens;
import io.clipfeed.platform.SessionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Register, sign in, sign out, who am I. Sign-in answers with a bearer token and also sets the HttpOnly session
 * cookie the web client uses.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    record Credentials(String username, String password) {
    }

    record UserView(String id, String username, List<String> roles, Instant createdAt) {
        static UserView of(Account a) {
            return new UserView(a.id(), a.username(),
                    a.roles().stream().map(r -> r.name().toLowerCase()).sorted().toList(), a.createdAt());
        }
    }

    record SessionView(String token, Instant expiresAt, UserView user) {
    }

    private final SignIn signIn;
    private final Accounts accounts;
    private final Clock clock;

    AuthController(SignIn signIn, Accounts accounts, Clock clock) {
        this.signIn = signIn;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/register")
    ResponseEntity<SessionView> register(@RequestBody Credentials body, HttpServletRequest request,
            HttpServletResponse response) {
        return respond(signIn.register(body.username(), body.password()), HttpStatus.CREATED, request, response);
    }

    @PostMapping("/login")
    ResponseEntity<SessionView> login(@RequestBody Credentials body, HttpServletRequest request,
            HttpServletResponse response) {
        return respond(signIn.login(body.username(), body.password(), request.getRemoteAddr()), HttpStatus.OK,
                request, response);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        signIn.logout(rawToken(request));
        CsrfTokens.rotate(request, response);
        // on the servlet response: an entity's Set-Cookie would replace the token cookie instead of adding to it
        response.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.clear(request.isSecure()).toString());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    UserView me() {
        String id = CurrentUsers.require().id();
        return accounts.find(id).map(UserView::of).orElseThrow(() -> ApiProblem.unauthorized("Sign in again."));
    }

    private ResponseEntity<SessionView> respond(AuthOutcome outcome, HttpStatus success, HttpServletRequest req,
            HttpServletResponse res) {
        if (outcome instanceof AuthOutcome.SignedIn s) {
            CsrfTokens.rotate(req, res); // the session changes: so does the token that guards its writes
            Duration ttl = Duration.between(clock.instant(), s.token().expiresAt());
            res.addHeader(HttpHeaders.SET_COOKIE, SessionCookie.issue(s.token().token(), ttl, req.isSecure())
                    .toString());
            return ResponseEntity.status(success).body(new SessionView(s.token().token(), s.token().expiresAt(), UserView.of(s.account())));
        }
        throw problem(outcome);
    }

    private static ApiProblem problem(AuthOutcome outcome) {
        if (outcome instanceof AuthOutcome.Invalid i) {
            return ApiProblem.badRequest(i.reason()).with("field", i.field());
        }
        if (outcome instanceof AuthOutcome.UsernameTaken) {
            return ApiProblem.conflict("This username is already taken.").with("field", "username");
        }
        if (outcome instanceof AuthOutcome.Throttled t) {
            return throttled(t.retryAfter());
        }
        return ApiProblem.unauthorized("Wrong username or password.");
    }

    private static ApiProblem throttled(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ApiProblem problem = ApiProblem.tooManyRequests(
                "Too many failed sign-ins. Try again in " + seconds + " s.").with("retryAfterSeconds", seconds);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    /** The token this request authenticated with: the bearer header wins over the cookie, as in the filter. */
    private static String rawToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SessionCookie.NAME.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
