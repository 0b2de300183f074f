-- What the analysis pass measured for a video's source and the per-title decisions taken from it (one row per
-- video, replaced when the ladder step runs again), so the CRF and cap of every rung can be explained.
create table media_analysis (
  video_id varchar(20) not null primary key,
  bits_per_pixel double precision not null,
  loudness_lufs double precision,
  loudness_range double precision,
  true_peak double precision,
  decisions varchar(2000) not null,
  analysed_at timestamp with time zone not null
);
