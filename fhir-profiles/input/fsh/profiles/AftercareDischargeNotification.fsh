Profile: AftercareDischargeNotification
Parent: Bundle
Id: aftercare-discharge-notification
Title: "Discharge notification message"
Description: """
The message Bundle a clinical system posts to `$process-message`.
Derived from the Da Vinci Unsolicited Notifications `notifications-bundle` (hl7.fhir.us.davinci-alerts 1.1.0):
Bundle.id, timestamp and a MessageHeader first are required as there, and the entries carry no
request, response or search. For a `notification-discharge` event it additionally requires what
aftercare needs and Da Vinci leaves to US Core Must Support and its Direct-ADT map: a finished
Encounter with `period.end` (the discharge time) and the Patient it is about.
"""
* obeys acb-disch-1 and acb-disch-2 and acb-disch-3
* id 1..1
* type = #message
* timestamp 1..1
* total 0..0
* entry 2..*
* entry.resource 1..1
* entry.search 0..0
* entry.request 0..0
* entry.response 0..0
* entry ^slicing.discriminator.type = #type
* entry ^slicing.discriminator.path = "resource"
* entry ^slicing.rules = #open
* entry ^slicing.description = "Entries by resource type: the MessageHeader, Encounters, Patients"
* entry contains messageHeader 1..1 and encounter 0..* and patient 0..*
* entry[messageHeader].resource only AftercareNotificationMessageHeader
* entry[encounter].resource only AftercareNotificationEncounter
* entry[patient].resource only AftercareNotificationPatient

Invariant: acb-disch-1
Description: "The first entry is a MessageHeader"
Expression: "entry.first().resource.is(MessageHeader)"
Severity: #error

Invariant: acb-disch-2
Description: "A notification-discharge message carries a finished Encounter with period.end (the discharge time)"
Expression: "entry.first().resource.eventCoding.where(system = 'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event' and code = 'notification-discharge').exists() implies entry.resource.ofType(Encounter).where(status = 'finished' and period.end.exists()).exists()"
Severity: #error

Invariant: acb-disch-3
Description: "A notification-discharge message carries the Patient the Encounter is about"
Expression: "entry.first().resource.eventCoding.where(system = 'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event' and code = 'notification-discharge').exists() implies entry.resource.ofType(Patient).exists()"
Severity: #error
