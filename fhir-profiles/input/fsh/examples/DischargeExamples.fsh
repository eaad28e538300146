// Valid examples, one or more per profile; each is validated against its profile by the build.
// Invalid counterparts live in src/test/resources/invalid-examples (SUSHI would refuse to write them).

Instance: example-discharge-messageheader
InstanceOf: AftercareNotificationMessageHeader
Usage: #example
Description: "A discharge notification header from a treatment centre's EHR."
* eventCoding = $notification-event#notification-discharge "Discharge Notification"
* source.name = "Riverbend Recovery Center EHR"
* source.endpoint = "https://ehr.riverbend.example/fhir"
* sender.display = "Riverbend Recovery Center"
* focus.reference = "Encounter/example-residential-stay"

Instance: example-residential-stay
InstanceOf: AftercareNotificationEncounter
Usage: #example
Description: "A 28-day residential treatment stay, finished at discharge."
* status = #finished
* class = http://terminology.hl7.org/CodeSystem/v3-ActCode#IMP "inpatient encounter"
* subject.reference = "Patient/example-alex"
* period.start = "2026-10-01T10:00:00-04:00"
* period.end = "2026-10-29T11:30:00-04:00"
* hospitalization.dischargeDisposition = http://terminology.hl7.org/CodeSystem/discharge-disposition#home "Home"

Instance: example-alex
InstanceOf: AftercareNotificationPatient
Usage: #example
Description: "A person discharged from residential treatment (fictional)."
* identifier.type = $v2-0203#MR "Medical record number"
* identifier.system = "https://riverbend.example/mrn"
* identifier.value = "RB-000123"
* name.family = "Rivera"
* name.given = "Alex"
* gender = #other
* birthDate = "1994-03-12"
* telecom.system = #phone
* telecom.value = "555-0100"
* communication.language = $bcp47#es "Spanish"
* communication.preferred = true

Instance: example-opioid-use-disorder
InstanceOf: AftercareSudCondition
Usage: #example
Description: "Opioid dependence, the encounter diagnosis of the stay."
* category = $condition-category#encounter-diagnosis
* clinicalStatus = $condition-clinical#active
* code = $icd10cm#F11.20 "Opioid dependence, uncomplicated"
* subject.reference = "Patient/example-alex"
* encounter.reference = "Encounter/example-residential-stay"
