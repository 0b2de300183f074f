-- Profile pictures: already re-encoded 256×256 JPEGs of a few KB, so they live in the database next to the account
-- (one row per user, replaced on upload) instead of the blob store.
create table user_avatars (
    user_id    varchar(40)  primary key,
    image      bytea        not null,
    etag       varchar(64)  not null,
    updated_at timestamp with time zone not null
);
