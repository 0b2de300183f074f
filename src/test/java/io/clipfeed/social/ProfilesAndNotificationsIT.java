package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clipfeed.TestUsers.Session;
import io.clipfeed.catalog.Video;
import tools.jackson.databind.JsonNode;

/** Follows, profiles (counts, bio, likes privacy), shares and the notifications these actions send. */
class ProfilesAndNotificationsIT extends SocialITBase {

    @Test
    void followsCountBothWaysAndListNewestFirst() {
        Session star = user();
        Session a = user();
        Session b = user();
        assertThat(ok(200, "PUT", "/api/v1/users/" + star.userId() + "/follow", null, a).get("followers").asLong())
                .isEqualTo(1);
        JsonNode second = ok(200, "PUT", "/api/v1/users/" + star.userId() + "/follow", null, b);
        assertThat(second.get("following").asBoolean()).isTrue();
        assertThat(second.get("followers").asLong()).isEqualTo(2);
        assertThat(ok(200, "PUT", "/api/v1/users/" + star.userId() + "/follow", null, b).get("followers").asLong())
                .isEqualTo(2);
        assertThat(call("PUT", "/api/v1/users/" + star.userId() + "/follow", null, star).statusCode()).isEqualTo(400);

        assertThat(ids(get("/api/v1/users/" + star.userId() + "/followers", null))).containsExactly(b.userId(),
                a.userId());
        assertThat(ids(get("/api/v1/users/" + a.userId() + "/following", null))).containsExactly(star.userId());
        JsonNode profile = get("/api/v1/users/" + star.userId() + "/profile", a);
        assertThat(profile.get("counts").get("followers").asLong()).isEqualTo(2);
        assertThat(profile.get("viewer").get("following").asBoolean()).isTrue();
        assertThat(get("/api/v1/users/" + a.userId() + "/profile", null).get("counts").get("following").asLong())
                .isEqualTo(1);

        JsonNode undone = ok(200, "DELETE", "/api/v1/users/" + star.userId() + "/follow", null, a);
        assertThat(undone.get("following").asBoolean()).isFalse();
        assertThat(undone.get("followers").asLong()).isEqualTo(1);
        assertThat(ok(200, "DELETE", "/api/v1/users/" + star.userId() + "/follow", null, a).get("followers")
                .asLong()).isEqualTo(1);
    }

    @Test
    void notificationsTellLikesCommentsRepliesAndFollowsAndCanBeMarkedRead() {
        Session creator = user();
        Session fan = user();
        Video video = published(creator, 3000);
        ok(200, "PUT", "/api/v1/videos/" + video.id() + "/like", null, fan);
        String comment = ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments", Map.of("text", "nice"), fan)
                .get("id").asString();
        ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments", Map.of("text", "thanks", "parentId", comment),
                creator);
        ok(200, "PUT", "/api/v1/users/" + creator.userId() + "/follow", null, fan);
        ok(200, "PUT", "/api/v1/videos/" + video.id() + "/like", null, creator);

        JsonNode inbox = get("/api/v1/me/notifications", creator);
        assertThat(types(inbox)).containsExactly("followed", "commented", "liked");
        assertThat(inbox.get("unread").asLong()).isEqualTo(3);
        assertThat(inbox.get("items").get(1).get("excerpt").asString()).isEqualTo("nice");
        assertThat(inbox.get("items").get(2).get("actor").get("id").asString()).isEqualTo(fan.userId());
        assertThat(types(get("/api/v1/me/notifications", fan))).containsExactly("replied");

        String liked = inbox.get("items").get(2).get("id").asString();
        assertThat(ok(200, "POST", "/api/v1/me/notifications/read", Map.of("ids", List.of(liked)), creator)
                .get("unread").asLong()).isEqualTo(2);
        assertThat(get("/api/v1/me/notifications/unread-count", creator).get("unread").asLong()).isEqualTo(2);
        assertThat(ok(200, "POST", "/api/v1/me/notifications/read", Map.of("all", true), creator).get("unread")
                .asLong()).isZero();
        assertThat(get("/api/v1/me/notifications", creator).get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(call("GET", "/api/v1/me/notifications", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void profilesShowBioAndKeepLikesPrivateOnRequest() {
        Session me = user();
        Session other = user();
        Video video = published(other, 3000);
        ok(200, "PUT", "/api/v1/videos/" + video.id() + "/like", null, me);
        assertThat(ids(get("/api/v1/users/" + me.userId() + "/likes", other))).containsExactly(video.id());

        JsonNode edited = ok(200, "PATCH", "/api/v1/me/profile", Map.of("bio", "<i>hi</i> there", "likesPublic", false),
                me);
        assertThat(edited.get("bio").asString()).isEqualTo("<i>hi</i> there");
        assertThat(edited.get("likesPublic").asBoolean()).isFalse();
        assertThat(edited.get("avatarUrl").asString()).isEqualTo("/api/v1/users/" + me.userId() + "/avatar");
        HttpResponse<String> hidden = call("GET", "/api/v1/users/" + me.userId() + "/likes", null, other);
        assertThat(hidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(hidden.body()).get("detail").asString())
                .isEqualTo("This user keeps their likes private.");
        assertThat(ids(get("/api/v1/users/" + me.userId() + "/likes", me))).containsExactly(video.id());

        JsonNode byName = get("/api/v1/users/by-name/" + me.username() + "/profile", null);
        assertThat(byName.get("id").asString()).isEqualTo(me.userId());
        assertThat(byName.get("bio").asString()).isEqualTo("<i>hi</i> there");
        assertThat(get("/api/v1/users/" + other.userId() + "/profile", null).get("counts").get("videos").asLong())
                .isEqualTo(1);
        assertThat(call("PATCH", "/api/v1/me/profile", Map.of("bio", "x".repeat(161)), me).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/users/by-name/nobody_here_at_all/profile", null, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anonymousSharesCountAndAnswerTheSharePage() {
        Video video = published(user(), 3000);
        JsonNode shared = ok(200, "POST", "/api/v1/videos/" + video.id() + "/shares", Map.of("channel", "copy"), null);
        assertThat(shared.get("url").asString()).isEqualTo("http://127.0.0.1:" + port + "/v/" + video.id());
        assertThat(shared.get("shares").asLong()).isEqualTo(1);
        assertThat(ok(200, "POST", "/api/v1/videos/" + video.id() + "/shares", null, user()).get("shares").asLong())
                .isEqualTo(2);
        assertThat(counts(video.id()).get("shares").asLong()).isEqualTo(2);
        assertThat(call("POST", "/api/v1/videos/" + video.id() + "/shares", Map.of("channel", "<bad>"), null)
                .statusCode()).isEqualTo(400);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    static List<String> types(JsonNode inbox) {
        List<String> types = new ArrayList<>();
        inbox.get("items").forEach(i -> types.add(i.get("type").asString()));
        return types;
    }
}
