Instance: example-alex-preferences
InstanceOf: AftercarePreferencesResponse
Usage: #example
Description: "Alex prefers secular, Spanish-speaking or online groups and a gentle start."
* questionnaire = "https://aftercarebridge.org/fhir/Questionnaire/aftercare-preferences"
* status = #completed
* subject.reference = "Patient/example-alex"
* authored = "2026-10-28T15:00:00-04:00"
* item[0].linkId = "approach"
* item[=].answer.valueCoding = RecoveryApproaches#secular "Secular"
* item[+].linkId = "language"
* item[=].answer.valueCoding = $bcp47#es "Spanish"
* item[+].linkId = "format"
* item[=].answer[0].valueCoding = MeetingCharacteristics#online "Online"
* item[=].answer[+].valueCoding = MeetingCharacteristics#in-person "In person"
* item[+].linkId = "accessibility"
* item[=].answer.valueCoding = MeetingCharacteristics#wheelchair-accessible "Wheelchair accessible"
* item[+].linkId = "max-travel-km"
* item[=].answer.valueDecimal = 15
* item[+].linkId = "social-anxiety"
* item[=].answer.valueBoolean = true
* item[+].linkId = "gentle-start"
* item[=].answer.valueCoding = MeetingCharacteristics#one-on-one "One-on-one"

Instance: example-alex-part2-consent
InstanceOf: Part2Consent
Usage: #example
Description: "Alex consents to Riverbend disclosing the referral to the regional peer coordinators and the SMART Recovery group, for treatment, for six months."
* status = #active
* scope = $consentscope#patient-privacy
* category[patientConsent] = $loinc#59284-0 "Patient Consent"
* patient.reference = "Patient/example-alex"
* dateTime = "2026-10-28T15:10:00-04:00"
* organization.display = "Riverbend Recovery Center"
* sourceReference.display = "Signed Part 2 consent form, 2026-10-28"
* policyRule = $v3-ActCode#42CFRPart2 "42 CFR Part2"
* provision.type = #permit
* provision.period.start = "2026-10-28"
* provision.period.end = "2027-04-28"
* provision.actor[0].role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor[0].reference.display = "Regional peer coordinators (Aftercare Bridge)"
* provision.actor[0].reference.identifier.system = "https://aftercarebridge.org/fhir/sid/organization"
* provision.actor[0].reference.identifier.value = "peer-coordinators"
* provision.actor[1].role = $v3-ParticipationType#IRCP "information recipient"
* provision.actor[1].reference.display = "SMART Recovery Andover"
* provision.actor[1].reference.identifier.system = "https://aftercarebridge.org/fhir/sid/peer-group"
* provision.actor[1].reference.identifier.value = "example-smart-andover"
* provision.purpose = http://terminology.hl7.org/CodeSystem/v3-ActReason#TREAT "treatment"
* provision.securityLabel = $v3-ActCode#SUD

Instance: example-first-contact
InstanceOf: AftercareFollowUpTask
Usage: #example
Description: "Reach Alex within 48 hours of discharge."
* insert Part2Labels
* status = #ready
* intent = #order
* code = FollowUpKinds#first-contact "First contact"
* basedOn.reference = "ServiceRequest/example-peer-referral"
* partOf.reference = "Task/example-referral-task"
* for.reference = "Patient/example-alex"
* authoredOn = "2026-10-29T11:36:00-04:00"
* restriction.period.end = "2026-10-31T11:30:00-04:00"

Instance: example-referral-created-audit
InstanceOf: AftercareAuditEvent
Usage: #example
Description: "The service recorded that a clinical system's discharge message created a referral."
* type = $audit-event-type#rest "Restful Operation"
* subtype = $restful-interaction#create "create"
* action = #C
* recorded = "2026-10-29T11:36:00-04:00"
* outcome = #0
* agent[0].type = $dcm#110153 "Source Role ID"
* agent[=].who.display = "clinic-ehr"
* agent[=].requestor = true
* agent[+].type = $dcm#110152 "Destination Role ID"
* agent[=].who.display = "Aftercare Bridge"
* agent[=].requestor = false
* source.observer.display = "Aftercare Bridge"
* entity[0].what.reference = "Task/example-referral-task"
* entity[+].what.reference = "Patient/example-alex"

Instance: example-enrollment-status
InstanceOf: AftercareEnrollmentStatus
Usage: #example
Description: "Alex went to a first meeting of the SMART Recovery group the referral chose: enrolled."
* insert Part2Labels
* status = #final
* category[programEnrollment] = $sdohcc-temp#program-enrollment "Program Enrollment Status"
* code = RecoveryPrograms#smart-recovery "SMART Recovery"
* subject.reference = "Patient/example-alex"
* basedOn.reference = "ServiceRequest/example-peer-referral"
* focus.reference = "HealthcareService/example-smart-andover"
* effectiveDateTime = "2026-11-02T19:45:00-05:00"
* valueCodeableConcept = $sdohcc-temp#enrolled "Enrolled"
