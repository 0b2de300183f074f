package io.clipfeed.social;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.clipfeed.identity.Accounts;
import io.clipfeed.social.Comment.Mention;

/**
 * Finds {@code @username} in a comment and resolves it to accounts. Unknown names, the author, and users blocked
 * either way are not mentions (no link, no notification). At most {@code maxMentions} distinct users count.
 */
@Component
class Mentions {

    // usernames are 3–30 of [a-z0-9_.]; one must not start right after a word character (mail@example.org)
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9_.]{3,30})");

    private final Accounts accounts;
    private final Blocks blocks;
    private final SocialSettings settings;

    Mentions(Accounts accounts, Blocks blocks, SocialSettings settings) {
        this.accounts = accounts;
        this.blocks = blocks;
        this.settings = settings;
    }

    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // a trailing dot ends a sentence more often than a username
            names.add(name.endsWith(".") ? name.replaceAll("\\.+$", "") : name);
        }
        return names;
    }

    List<Mention> resolve(String text, String authorId) {
        List<Mention> out = new ArrayList<>();
        for (String name : names(text)) {
            if (out.size() >= settings.maxMentions()) {
                break;
            }
            accounts.findByUsername(name)
                    .filter(a -> !a.id().equals(authorId) && !blocks.between(a.id(), authorId))
                    .ifPresent(a -> out.add(new Mention(a.id(), a.username())));
        }
        return out;
    }
}
