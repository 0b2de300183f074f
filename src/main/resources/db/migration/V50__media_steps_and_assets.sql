-- Media processing bookkeeping. media_steps makes each (video, step) idempotent: a finished step is never run
-- again (event redelivery, duplicate scheduling), and a cancelled video stops every worker that reads it.
create table media_steps (
  video_id varchar(20) not null,
  step varchar(40) not null,
  state varchar(16) not null,
  detail varchar(1000),
  updated_at timestamp with time zone not null,
  primary key (video_id, step)
);

-- Every blob media stored for a video, holding exactly one reference each, so a re-run after a crash never
-- double-counts a blob and removal releases exactly what media retained.
create table media_assets (
  video_id varchar(20) not null,
  blob_key varchar(64) not null,
  created_at timestamp with time zone not null,
  primary key (video_id, blob_key)
);
