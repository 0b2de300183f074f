package io.clipfeed.social;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.clipfeed.identity.Account;
import io.clipfeed.identity.Accounts;

/** Builds {@link UserCard}s from identity's accounts and the bios kept here. */
@Component
class UserCards {

    private final Accounts accounts;
    private final Profiles profiles;

    UserCards(Accounts accounts, Profiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    Optional<UserCard> card(String userId) {
        return accounts.find(userId)
                .map(a -> new UserCard(a.id(), a.username(), UserCard.avatarUrl(a.id()), profiles.of(a.id()).bio()));
    }

    /** Cards in the order of the ids; ids of accounts that no longer exist are left out. */
    List<UserCard> cards(List<String> userIds) {
        Map<String, String> bios = profiles.bios(new LinkedHashSet<>(userIds));
        return userIds.stream().map(accounts::find).flatMap(Optional::stream)
                .map(a -> card(a, bios.getOrDefault(a.id(), ""))).toList();
    }

    /** A card, or a placeholder for an account that was removed (its content may outlive it). */
    UserCard cardOrGone(String userId, Map<String, UserCard> known) {
        return known.computeIfAbsent(userId, id -> card(id).orElse(new UserCard(id, null, UserCard.avatarUrl(id), "")));
    }

    private static UserCard card(Account a, String bio) {
        return new UserCard(a.id(), a.username(), UserCard.avatarUrl(a.id()), bio);
    }
}
