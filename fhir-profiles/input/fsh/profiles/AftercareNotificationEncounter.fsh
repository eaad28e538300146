Profile: AftercareNotificationEncounter
Parent: Encounter
Id: aftercare-notification-encounter
Title: "Notification Encounter"
Description: """
The Encounter a notification is about. Derived from the Da Vinci `adt-notification-encounter` (on US
Core Encounter): the subject is a Patient referenced by a literal reference. A finished encounter
states when it ended: `period.end` is the discharge time the aftercare clock starts from (HL7 v2
PV1-45, EVN-2 in the Direct-ADT map).
"""
* obeys acb-enc-1
* subject 1..1
* subject only Reference(Patient)
* subject.reference 1..1
* hospitalization.dischargeDisposition MS

Invariant: acb-enc-1
Description: "A finished Encounter has period.end (when it ended)"
Expression: "status = 'finished' implies period.end.exists()"
Severity: #error
