-- tus upload sessions. The committed offset lives here and only moves after the bytes are fsync'd, so after a
-- crash the part file is truncated back to it. Part files are named by id (never by anything a client sent).
create table upload_sessions (
    id             varchar(40)  primary key,
    owner_id       varchar(40)  not null,
    video_id       varchar(40),
    kind           varchar(16)  not null,
    state          varchar(16)  not null,
    upload_length  bigint,
    upload_offset  bigint       not null,
    metadata       varchar(4096),
    content_type   varchar(100) not null,
    part_ids       varchar(1400),
    blob_key       varchar(64),
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    completed_at   timestamp with time zone
);

create index upload_sessions_owner on upload_sessions (owner_id, state, created_at);
create index upload_sessions_expiry on upload_sessions (state, expires_at);
create index upload_sessions_video on upload_sessions (video_id);

-- one row per removed video whose source this module released, so a redelivered VideoRemoved never releases twice
create table upload_source_releases (
    video_id    varchar(40) primary key,
    blob_key    varchar(64) not null,
    released_at timestamp with time zone not null
);
