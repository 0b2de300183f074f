package io.clipfeed.platform;

/** What an account may do. Moderators review content; admins also manage accounts and see dashboards. */
public enum Role {
    USER, MODERATOR, ADMIN
}
