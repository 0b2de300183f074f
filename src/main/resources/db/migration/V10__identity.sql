-- identity: accounts, hashed access tokens, login throttling
create table accounts (
  id varchar(40) primary key,
  username varchar(30) not null,
  password_hash varchar(255) not null,
  roles varchar(100) not null,
  created_at timestamp with time zone not null
);
-- usernames are stored lower-cased, so this makes them case-insensitively unique
create unique index accounts_username_uq on accounts (username);

create table access_tokens (
  token_hash varchar(64) primary key,
  account_id varchar(40) not null references accounts (id) on delete cascade,
  created_at timestamp with time zone not null,
  expires_at timestamp with time zone not null
);
create index access_tokens_account_idx on access_tokens (account_id);
create index access_tokens_expires_idx on access_tokens (expires_at);

-- failed sign-ins per subject ('user:<name>' or 'ip:<address>')
create table login_failures (
  subject varchar(120) primary key,
  failures int not null,
  last_failure_at timestamp with time zone not null,
  locked_until timestamp with time zone
);
