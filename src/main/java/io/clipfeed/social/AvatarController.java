package io.clipfeed.social;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;
import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

import jakarta.servlet.http.HttpServletRequest;

/** PUT/DELETE /me/avatar and GET /users/{id}/avatar (cacheable, revalidated by ETag). */
@RestController
class AvatarController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Avatars avatars;
    private final Accounts accounts;
    private final ProfileViews profiles;

    AvatarController(Avatars avatars, Accounts accounts, ProfileViews profiles) {
        this.avatars = avatars;
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @PutMapping("/api/v1/me/avatar")
    ProfileViews.Profile upload(HttpServletRequest request) throws IOException {
        CurrentUser me = CurrentUsers.require();
        avatars.replace(me.id(), body(request));
        return profileOf(me);
    }

    @DeleteMapping("/api/v1/me/avatar")
    ProfileViews.Profile remove() {
        CurrentUser me = CurrentUsers.require();
        avatars.remove(me.id());
        return profileOf(me);
    }

    private ProfileViews.Profile profileOf(CurrentUser me) {
        return profiles.of(accounts.find(me.id()).orElseThrow(() -> ApiProblem.notFound("No user has this id.")));
    }

    /** Spring answers 304 by itself when If-None-Match carries this ETag. */
    @GetMapping("/api/v1/users/{id}/avatar")
    ResponseEntity<byte[]> picture(@PathVariable String id) {
        Account account = Ids.isWellFormed(id) ? accounts.find(id).orElse(null) : null;
        if (account == null) {
            throw ApiProblem.notFound("No user has this id.");
        }
        Avatars.Picture picture = avatars.pictureOf(account.id(), account.username());
        return ResponseEntity.ok().cacheControl(CACHE).eTag(picture.etag())
                .contentType(MediaType.parseMediaType(picture.contentType()))
                // the SVG is generated from user data: nothing in it may ever run, whatever a browser makes of it
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .body(picture.bytes());
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        String type = contentType(request);
        if (type == null || !AvatarImage.CONTENT_TYPES.contains(type)) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the picture itself as the body, with Content-Type image/jpeg, image/png or image/webp.");
        }
        if (request.getContentLengthLong() > AvatarImage.MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) AvatarImage.MAX_BYTES + 1);
            if (bytes.length > AvatarImage.MAX_BYTES) {
                throw tooLarge();
            }
            if (bytes.length == 0) {
                throw ApiProblem.badRequest("The request has no picture in its body.");
            }
            return bytes;
        }
    }

    private static String contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null
                    : MediaType.parseMediaType(request.getContentType()).getType() + "/"
                            + MediaType.parseMediaType(request.getContentType()).getSubtype();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                "The picture is larger than 5 MB; pick a smaller one.").with("maxBytes", AvatarImage.MAX_BYTES);
    }
}
