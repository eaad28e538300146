Profile: AftercareReferralServiceRequest
Parent: ServiceRequest
Id: aftercare-referral-servicerequest
Title: "Aftercare referral"
Description: """
A referral to peer support after discharge. Derived from Gravity SDOH Clinical Care
`SDOHCC-ServiceRequest` and BSeR `referral-servicerequest`: an order for SNOMED CT 461481000124109
"Referral to peer support" (as the US Behavioral Health Profiles' peer-mentoring example), categorised
as a social service procedure and SDOHCC social connection, about a Patient, for a peer-support group
as performer. Labelled as 42 CFR Part 2 data (DS4P).
"""
* insert Part2SecurityLabels
* status 1..1
* intent = #order
* category 1..*
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains socialService 1..1 and sdohcc 0..1
* category[socialService] = $sct#410606002
* category[sdohcc] = $sdohcc-temp#social-connection
* code 1..1
* code = $sct#461481000124109
* subject only Reference(Patient)
* subject.reference 1..1
* authoredOn 1..1
* requester 1..1
* performer only Reference(HealthcareService or Organization or PractitionerRole)
* performer MS
* reasonCode MS
