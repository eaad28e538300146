Profile: AftercareEnrollmentStatus
Parent: Observation
Id: aftercare-enrollment-status
Title: "Aftercare peer-support enrolment status"
Description: """
Whether the person took up the peer group they were referred to, after Gravity SDOH Clinical Care's
SDOHCC-ObservationProgramEnrollmentStatus: category `program-enrollment`, value `enrolled` (a first
meeting attended) or `not-enrolled` (dropped out after accepting), `focus` the group
(HealthcareService), the recovery program as `code`, based on the referral ServiceRequest. Recorded by
the service when a coordinator records attendance or a drop-out. Labelled as 42 CFR Part 2 data.
"""
* insert Part2SecurityLabels
* status = #final
* category 1..*
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains programEnrollment 1..1
* category[programEnrollment] = $sdohcc-temp#program-enrollment "Program Enrollment Status"
* code 1..1
* code from RecoveryProgramsVS (extensible)
* subject 1..1
* subject only Reference(Patient)
* basedOn 1..1
* basedOn only Reference(ServiceRequest)
* focus 1..1
* focus only Reference(HealthcareService)
* effective[x] 1..1
* effective[x] only dateTime
* value[x] 1..1
* value[x] only CodeableConcept
* valueCodeableConcept from EnrollmentStatusVS (required)

ValueSet: EnrollmentStatusVS
Id: enrollment-status
Title: "Peer-support enrolment status"
Description: "Gravity SDOH Clinical Care's program enrolment values that Aftercare Bridge records."
* $sdohcc-temp#enrolled "Enrolled"
* $sdohcc-temp#not-enrolled "Not Enrolled"
