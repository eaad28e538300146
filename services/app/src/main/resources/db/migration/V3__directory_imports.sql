-- Groups imported from directory feeds (Meeting Guide, BMLT): where each came from, what it is like,
-- and a content hash so a re-import can tell unchanged from updated.
alter table peer_group add column source varchar(100);            -- feed source, e.g. meeting-guide:aa; null when maintained by hand
alter table peer_group add column source_key varchar(255);        -- the feed's own key (slug, BMLT id)
alter table peer_group add column content_hash varchar(64);
alter table peer_group add column characteristics varchar(500) not null default '';  -- meeting-characteristics codes
alter table peer_group add column meeting_days varchar(30);       -- comma-separated ISO days when it meets on several
alter table peer_group add column end_time varchar(5);
alter table peer_group add column time_zone varchar(64);

create unique index peer_group_source_key on peer_group (source, source_key);
