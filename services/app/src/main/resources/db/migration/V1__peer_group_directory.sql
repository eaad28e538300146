-- The peer-support group directory. One row per group; contact details of members or leaders are never stored.
create table peer_group (
    id            varchar(64)  primary key,
    name          varchar(200) not null,
    program       varchar(80)  not null,          -- AA, NA, SMART Recovery, ...
    focus         varchar(200) not null default '', -- comma-separated Substance names; empty = any substance
    format        varchar(16)  not null,          -- IN_PERSON, ONLINE, HYBRID
    languages     varchar(100) not null default 'en', -- comma-separated BCP-47 primary tags
    latitude      double precision,
    longitude     double precision,
    address_line  varchar(200),
    city          varchar(100),
    state         varchar(40),
    postal_code   varchar(20),
    region        varchar(40)  not null,          -- coordinators' region serving the group
    weekday       smallint,                       -- ISO day of week 1 (Monday) .. 7 (Sunday)
    start_time    varchar(5),                     -- HH:MM, local time
    active        boolean      not null default true,
    updated_at    timestamp with time zone not null default current_timestamp
);

create index peer_group_active on peer_group (active);
