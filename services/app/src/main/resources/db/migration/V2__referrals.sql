-- Referrals, the FHIR resources that make them up, and their queue announcements (transactional outbox).
create table referral (
    id                 varchar(64)  primary key,
    task_id            varchar(64)  not null unique,
    service_request_id varchar(64)  not null unique,
    patient_id         varchar(64)  not null,
    patient_key        varchar(64)  not null,   -- pseudonymous (HMAC), never a source identifier
    region             varchar(40)  not null,
    group_id           varchar(64),             -- matched peer group; null when a coordinator must choose
    program            varchar(80),
    source_sender      varchar(300) not null,   -- authenticated client | sending system endpoint
    source_bundle_id   varchar(200) not null,
    source_message_id  varchar(200) not null,
    discharged_at      timestamp with time zone,
    created_at         timestamp with time zone not null,
    -- the same message from the same sender never makes two referrals, even when copies race
    constraint referral_source_bundle unique (source_sender, source_bundle_id),
    constraint referral_source_message unique (source_sender, source_message_id)
);

create index referral_patient_key on referral (patient_key);

create table referral_resource (
    resource_type  varchar(40)  not null,
    id             varchar(64)  not null,
    version_id     integer      not null,
    last_updated   timestamp with time zone not null,
    referral_id    varchar(64)  not null references referral (id),
    content        text         not null,       -- FHIR JSON
    primary key (resource_type, id)
);

create table referral_outbox (
    id            varchar(64)  primary key,     -- also the Artemis duplicate-detection id
    referral_id   varchar(64)  not null references referral (id),
    task_id       varchar(64)  not null,
    region        varchar(40)  not null,
    priority      varchar(16)  not null,
    group_key     varchar(64)  not null,        -- JMSXGroupID: the pseudonymous patient key
    payload       text         not null,        -- referral Bundle, FHIR JSON
    created_at    timestamp with time zone not null,
    published_at  timestamp with time zone
);

create index referral_outbox_unpublished on referral_outbox (published_at, created_at);
