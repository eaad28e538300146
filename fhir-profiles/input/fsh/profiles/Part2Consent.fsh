Profile: Part2Consent
Parent: Consent
Id: part2-consent
Title: "42 CFR Part 2 consent to disclose"
Description: """
A person's written consent to disclose substance use disorder treatment information to named
recipients (a peer-support group, a peer coordinator's organisation) for named purposes, until it
expires. Follows IHE Privacy Consent on FHIR (PCF) Advanced Consent (scope patient-privacy, category
LOINC 59284-0, provision actors, purposes and security labels) and Gravity `SDOHCC-Consent`
(patient, dateTime, organization and source required). The policy rule is the DS4P privacy-law code
`42CFRPart2` (FHIR R4's consent-policy codes have none for Part 2). 42 CFR Part 2 requires the recipient, the
purpose and an expiration, so each is required here.
"""
* status 1..1
* scope = $consentscope#patient-privacy
* category 1..*
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains patientConsent 1..1
* category[patientConsent] = $loinc#59284-0
* patient 1..1
* dateTime 1..1
* organization 1..1
* source[x] 1..1
* policyRule 1..1
* policyRule = $v3-ActCode#42CFRPart2
* provision 1..1
* provision.type 1..1
* provision.period 1..1
* provision.period.end 1..1
* provision.actor 1..*
* provision.actor.role = $v3-ParticipationType#IRCP
* provision.actor.reference only Reference(Organization or PractitionerRole or CareTeam)
* provision.purpose 1..*
* provision.securityLabel MS
