Profile: AftercareAuditEvent
Parent: AuditEvent
Id: aftercare-audit-event
Title: "Aftercare audit event"
Description: """
A record of who did what with whose data. Follows IHE Basic Audit Log Patterns (BALP): a REST
interaction (`audit-event-type#rest` with its restful-interaction subtype) or a privacy disclosure,
the client and server agents, the source that observed it, the data touched and, for patient data,
the patient as an entity. Carries identifiers and references, never clinical content.
"""
* type 1..1
* action 1..1
* outcome 1..1
* agent 1..*
* agent.who 1..1
* source.observer 1..1
* entity 1..*
* entity.what 1..1
