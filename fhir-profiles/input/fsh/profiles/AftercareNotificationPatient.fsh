Profile: AftercareNotificationPatient
Parent: Patient
Id: aftercare-notification-patient
Title: "Notification Patient"
Description: """
The person being discharged. Follows US Core Patient's required elements (identifier, name, gender)
because a peer coordinator must be able to tell who to reach; telecom and communication (language)
are Must Support: they are passed on to the coordinator and used for matching. Extensions real EHRs
send (US Core race, ethnicity, birth sex …) are allowed and ignored.
"""
* identifier 1..*
* name 1..*
* gender 1..1
* telecom MS
* communication MS
* address MS
