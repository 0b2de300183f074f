-- Content-addressed blobs: the source of truth for reference counts. A row at refcount 0 means "no longer
-- referenced, bytes may or may not still exist": the purge deletes the bytes and then the row, under a row lock.
create table blobs (
  sha256 varchar(64) primary key,
  size_bytes bigint not null,
  content_type varchar(255) not null,
  refcount bigint not null,
  created_at timestamp with time zone not null,
  constraint blobs_refcount_not_negative check (refcount >= 0)
);
create index blobs_refcount_idx on blobs (refcount);
