package io.clipfeed.social;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.clipfeed.platform.ApiProblem;
import io.clipfeed.platform.CurrentUser;
import io.clipfeed.platform.CurrentUsers;
import io.clipfeed.platform.Ids;

/** The signed-in user's notifications, their unread count, and marking them read. */
@RestController
class NotificationController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(String id, Notifications.Type type, UserCard actor, String videoId, String commentId, String excerpt,
            Instant createdAt, boolean read) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Inbox(List<Item> items, String nextCursor, long unread) {
    }

    record Unread(long unread) {
    }

    record MarkRead(List<String> ids, Boolean all) {
    }

    private static final int MAX_IDS = 200;

    private final Notifications notifications;
    private final UserCards cards;

    NotificationController(Notifications notifications, UserCards cards) {
        this.notifications = notifications;
        this.cards = cards;
    }

    @GetMapping("/api/v1/me/notifications")
    Inbox list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit) {
        CurrentUser me = CurrentUsers.require();
        int size = Keyset.limit(limit);
        Page<Item> page = Page.of(notifications.page(me.id(), Keyset.decode(cursor), size + 1), size,
                n -> Keyset.of(n.createdAt(), n.id()), this::items);
        return new Inbox(page.items(), page.nextCursor(), notifications.unread(me.id()));
    }

    @GetMapping("/api/v1/me/notifications/unread-count")
    Unread unread() {
        return new Unread(notifications.unread(CurrentUsers.require().id()));
    }

    @PostMapping("/api/v1/me/notifications/read")
    Unread markRead(@RequestBody MarkRead body) {
        CurrentUser me = CurrentUsers.require();
        if (Boolean.TRUE.equals(body.all())) {
            notifications.markAllRead(me.id());
        } else if (body.ids() != null && body.ids().size() <= MAX_IDS) {
            notifications.markRead(me.id(), body.ids().stream().filter(Ids::isWellFormed).toList());
        } else {
            throw ApiProblem.badRequest("Send {ids:[...]} (at most " + MAX_IDS + ") or {all:true}.");
        }
        return new Unread(notifications.unread(me.id()));
    }

    private List<Item> items(List<Notifications.Row> rows) {
        Map<String, UserCard> actors = new HashMap<>();
        return rows.stream().map(n -> new Item(n.id(), n.type(), cards.cardOrGone(n.actorId(), actors), n.videoId(),
                n.commentId(), n.excerpt(), n.createdAt(), n.read())).toList();
    }
}
