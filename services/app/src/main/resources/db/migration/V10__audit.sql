-- IHE BALP-style audit trail: who did what with whose data. References and client ids only.
create table audit_event (
    id           varchar(64)  primary key,
    recorded     timestamp with time zone not null,
    subtype      varchar(40)  not null,      -- create | read | search-type | update | import | disclose
    client       varchar(200) not null,      -- the authenticated client, or the service itself
    patient_ref  varchar(200),               -- Patient/<id> when patient data was touched
    entity_refs  varchar(2000) not null,     -- the resources touched, space-separated references
    outcome      varchar(2)   not null,      -- 0 success, 4 minor failure, 8 serious failure
    content      text         not null       -- the AuditEvent (FHIR JSON)
);
create index audit_event_recorded on audit_event (recorded);
create index audit_event_patient on audit_event (patient_ref, recorded);
