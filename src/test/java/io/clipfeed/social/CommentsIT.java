package io.clipfeed.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.clipfeed.TestUsers;
import io.clipfeed.TestUsers.Session;
import io.clipfeed.catalog.Video;
import io.clipfeed.platform.Role;
import tools.jackson.databind.JsonNode;

/** Comments and replies: who may post, edit and delete them, their text, spam guard and pagination. */
class CommentsIT extends SocialITBase {

    JsonNode post(Video video, Session as, String text) {
        return ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments", Map.of("text", text), as);
    }

    HttpResponse<String> tryPost(Video video, Session as, Map<String, ?> body) {
        return call("POST", "/api/v1/videos/" + video.id() + "/comments", body, as);
    }

    @Test
    void htmlInACommentComesBackExactlyAsTypedInJson() {
        Video video = published(user(), 3000);
        String typed = "<script>alert('x')</script> <b>bold</b> & \"quotes\" <img src=x onerror=alert(1)>";
        HttpResponse<String> created = tryPost(video, user(), Map.of("text", typed));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(JSON.readTree(created.body()).get("text").asString()).isEqualTo(typed);

        HttpResponse<String> listed = call("GET", "/api/v1/videos/" + video.id() + "/comments", null, null);
        assertThat(listed.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(JSON.readTree(listed.body()).get("items").get(0).get("text").asString()).isEqualTo(typed);
    }

    @Test
    void aStrangerCannotDeleteACommentButItsAuthorTheOwnerAndAModeratorCan() {
        Session owner = user();
        Session author = user();
        Session stranger = user();
        Session moderator = TestUsers.withRoles(port, accounts, Role.MODERATOR);
        Video video = published(owner, 3000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post(video, author, "comment " + i).get("id").asString());
        }
        assertThat(counts(video.id()).get("comments").asLong()).isEqualTo(3);

        for (String id : ids) {
            HttpResponse<String> refused = call("DELETE", "/api/v1/comments/" + id, null, stranger);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        }
        assertThat(call("DELETE", "/api/v1/comments/" + ids.get(0), null, null).statusCode()).isEqualTo(401);
        assertThat(counts(video.id()).get("comments").asLong()).isEqualTo(3);

        ok(204, "DELETE", "/api/v1/comments/" + ids.get(0), null, author);
        ok(204, "DELETE", "/api/v1/comments/" + ids.get(1), null, owner);
        ok(204, "DELETE", "/api/v1/comments/" + ids.get(2), null, moderator);
        assertThat(counts(video.id()).get("comments").asLong()).isZero();
        assertThat(get("/api/v1/videos/" + video.id() + "/comments", null).get("items")).isEmpty();
        assertThat(call("DELETE", "/api/v1/comments/" + ids.get(0), null, author).statusCode()).isEqualTo(404);
    }

    @Test
    void aBlockedUserCannotCommentOrFollowEitherWay() {
        Session owner = user();
        Session fan = user();
        Video ownersVideo = published(owner, 3000);
        Video fansVideo = published(fan, 3000);
        ok(200, "PUT", "/api/v1/users/" + owner.userId() + "/follow", null, fan);
        ok(200, "PUT", "/api/v1/users/" + fan.userId() + "/follow", null, owner);

        JsonNode blocked = ok(200, "PUT", "/api/v1/users/" + fan.userId() + "/block", null, owner);
        assertThat(blocked.get("blocked").asBoolean()).isTrue();

        HttpResponse<String> comment = tryPost(ownersVideo, fan, Map.of("text", "hello"));
        assertThat(comment.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(comment.body()).get("detail").asString())
                .isEqualTo("You cannot comment on this video.");
        assertThat(tryPost(fansVideo, owner, Map.of("text", "hello")).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/users/" + owner.userId() + "/follow", null, fan).statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/users/" + fan.userId() + "/follow", null, owner).statusCode()).isEqualTo(403);
        // the block ended the follows in both directions
        JsonNode ownerCounts = get("/api/v1/users/" + owner.userId() + "/profile", null).get("counts");
        assertThat(ownerCounts.get("followers").asLong()).isZero();
        assertThat(ownerCounts.get("following").asLong()).isZero();
        assertThat(get("/api/v1/me/blocks", owner).get("items").get(0).get("id").asString()).isEqualTo(fan.userId());

        ok(200, "DELETE", "/api/v1/users/" + fan.userId() + "/block", null, owner);
        assertThat(tryPost(ownersVideo, fan, Map.of("text", "hello again")).statusCode()).isEqualTo(201);
    }

    @Test
    void repliesAreTwoLevelsListedOldestFirstAndGoWithTheirComment() {
        Session owner = user();
        Session other = user();
        Video video = published(owner, 3000);
        String top = post(video, owner, "top").get("id").asString();
        JsonNode first = ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments",
                Map.of("text", "first reply", "parentId", top), other);
        assertThat(first.get("parentId").asString()).isEqualTo(top);
        ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments", Map.of("text", "second reply", "parentId", top),
                owner);
        HttpResponse<String> deeper = tryPost(video, owner, Map.of("text", "too deep",
                "parentId", first.get("id").asString()));
        assertThat(deeper.statusCode()).isEqualTo(400);

        JsonNode replies = get("/api/v1/comments/" + top + "/replies", null);
        assertThat(texts(replies)).containsExactly("first reply", "second reply");
        JsonNode list = get("/api/v1/videos/" + video.id() + "/comments", null);
        assertThat(texts(list)).containsExactly("top");
        assertThat(list.get("items").get(0).get("replyCount").asInt()).isEqualTo(2);
        assertThat(counts(video.id()).get("comments").asLong()).isEqualTo(3);

        ok(204, "DELETE", "/api/v1/comments/" + top, null, owner);
        assertThat(counts(video.id()).get("comments").asLong()).isZero();
    }

    @Test
    void onlyTheAuthorEditsAndOnlyWithinFiveMinutes() {
        Session author = user();
        Video video = published(user(), 3000);
        String id = post(video, author, "frist").get("id").asString();
        JsonNode edited = ok(200, "PATCH", "/api/v1/comments/" + id, Map.of("text", "first"), author);
        assertThat(edited.get("text").asString()).isEqualTo("first");
        assertThat(edited.get("editedAt").isNull()).isFalse();
        assertThat(call("PATCH", "/api/v1/comments/" + id, Map.of("text", "mine now"), user()).statusCode())
                .isEqualTo(403);

        jdbc.sql("update comments set created_at = created_at - interval '6' minute where id = ?").param(id).update();
        assertThat(call("PATCH", "/api/v1/comments/" + id, Map.of("text", "late"), author).statusCode())
                .isEqualTo(409);
        assertThat(get("/api/v1/videos/" + video.id() + "/comments", null).get("items").get(0).get("text")
                .asString()).isEqualTo("first");
    }

    @Test
    void textMustBeOneToFiveHundredCharacters() {
        Session author = user();
        Video video = published(user(), 3000);
        assertThat(tryPost(video, author, Map.of("text", "")).statusCode()).isEqualTo(400);
        assertThat(tryPost(video, author, Map.of("text", "   \n ")).statusCode()).isEqualTo(400);
        assertThat(tryPost(video, author, Map.of("text", "x".repeat(501))).statusCode()).isEqualTo(400);
        assertThat(post(video, author, "  " + "é".repeat(500) + "  ").get("text").asString())
                .isEqualTo("é".repeat(500));
    }

    @Test
    void spamGuardRefusesDuplicatesAndBursts() {
        Session author = user();
        Video video = published(user(), 3000);
        post(video, author, "buy now");
        HttpResponse<String> duplicate = tryPost(video, author, Map.of("text", "buy now"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        // ten a minute: the eleventh within the minute is refused (refill is gradual, so allow a slow machine one
        // or two refilled tokens)
        HttpResponse<String> burst = null;
        int accepted = 1;
        while (accepted < 14) {
            burst = tryPost(video, author, Map.of("text", "message " + accepted));
            if (burst.statusCode() != 201) {
                break;
            }
            accepted++;
        }
        assertThat(accepted).isGreaterThanOrEqualTo(10);
        assertThat(burst.statusCode()).isEqualTo(429);
        assertThat(burst.headers().firstValue("Retry-After")).get().satisfies(s -> assertThat(Long.parseLong(s))
                .isBetween(1L, 60L));
        assertThat(burst.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
        assertThat(JSON.readTree(burst.body()).get("status").asInt()).isEqualTo(429);
    }

    @Test
    void mentionsAreResolvedToUsersAndNotified() {
        Session author = user();
        Session named = user();
        Video video = published(user(), 3000);
        JsonNode comment = post(video, author, "look @" + named.username() + " and @nobody_" + TestUsers.randomHex(4)
                + " and @" + author.username());
        assertThat(comment.get("mentions")).hasSize(1);
        assertThat(comment.get("mentions").get(0).get("id").asString()).isEqualTo(named.userId());
        assertThat(comment.get("mentions").get(0).get("username").asString()).isEqualTo(named.username());
        JsonNode inbox = get("/api/v1/me/notifications", named);
        assertThat(inbox.get("unread").asLong()).isEqualTo(1);
        JsonNode n = inbox.get("items").get(0);
        assertThat(n.get("type").asString()).isEqualTo("mentioned");
        assertThat(n.get("actor").get("username").asString()).isEqualTo(author.username());
        assertThat(n.get("commentId").asString()).isEqualTo(comment.get("id").asString());
    }

    @Test
    void pagesNewestAndTopWithCursors() {
        Session owner = user();
        Video video = published(owner, 3000);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(video, owner, "c" + i).get("id").asString());
        }
        ok(201, "POST", "/api/v1/videos/" + video.id() + "/comments",
                Map.of("text", "reply", "parentId", posted.get(1)), user());
        List<String> newest = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/videos/" + video.id() + "/comments?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), null);
            newest.addAll(texts(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(newest).containsExactly("c4", "c3", "c2", "c1", "c0");
        JsonNode top = get("/api/v1/videos/" + video.id() + "/comments?sort=top&limit=2", null);
        assertThat(texts(top)).containsExactly("c1", "c4");
        JsonNode topNext = get("/api/v1/videos/" + video.id() + "/comments?sort=top&limit=3&cursor="
                + top.get("nextCursor").asString(), null);
        assertThat(texts(topNext)).containsExactly("c3", "c2", "c0");
        assertThat(call("GET", "/api/v1/videos/" + video.id() + "/comments?limit=51", null, null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/videos/" + video.id() + "/comments?cursor=garbage", null, null)
                .statusCode()).isEqualTo(400);
    }

    static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.get("items").forEach(c -> texts.add(c.get("text").asString()));
        return texts;
    }
}
