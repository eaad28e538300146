RuleSet: Part2Labels
* meta.security[0] = $v3-Confidentiality#R "restricted"
* meta.security[0].extension[0].url = $sec-label-basis
* meta.security[0].extension[0].valueCoding = $v3-ActCode#42CFRPart2 "42 CFR Part2"
* meta.security[1] = $v3-ActCode#SUD "substance use disorder information sensitivity"
* meta.security[2] = $v3-ActCode#42CFRPart2 "42 CFR Part2"

Instance: example-peer-referral
InstanceOf: AftercareReferralServiceRequest
Usage: #example
Description: "A referral to peer support for Alex after residential treatment."
* insert Part2Labels
* status = #active
* intent = #order
* category[socialService] = $sct#410606002 "Social service procedure"
* category[sdohcc] = $sdohcc-temp#social-connection "Social Connection"
* code = $sct#461481000124109 "Referral to peer support"
* subject.reference = "Patient/example-alex"
* authoredOn = "2026-10-29T11:36:00-04:00"
* requester.display = "Riverbend Recovery Center"
* performer.reference = "HealthcareService/example-smart-andover"
* reasonCode = $icd10cm#F11.20 "Opioid dependence, uncomplicated"

Instance: example-referral-task
InstanceOf: AftercareReferralTask
Usage: #example
Description: "The Task that asks SMART Recovery Andover to take Alex on, with why it was chosen."
* insert Part2Labels
* extension[matchExplanation].extension[group].valueReference = Reference(example-smart-andover)
* extension[matchExplanation].extension[score].valueDecimal = 0.82
* extension[matchExplanation].extension[met][0].valueString = "SMART Recovery welcomes people recovering from any substance"
* extension[matchExplanation].extension[met][1].valueString = "secular, as the person prefers"
* extension[matchExplanation].extension[met][2].valueString = "meets 11.1 km from the person's starting point"
* extension[matchExplanation].extension[missed][0].valueString = "does not meet in es"
* status = #requested
* businessStatus = $bser-business-status#2.0 "Service Request Created"
* intent = #order
* priority = #routine
* code = $task-code#fulfill
* focus.reference = "ServiceRequest/example-peer-referral"
* for.reference = "Patient/example-alex"
* authoredOn = "2026-10-29T11:36:00-04:00"
* requester.display = "Riverbend Recovery Center"
* owner.reference = "HealthcareService/example-smart-andover"

Instance: example-smart-andover
InstanceOf: PeerSupportGroup
Usage: #example
Description: "A SMART Recovery group meeting on Tuesday evenings (fictional)."
* active = true
* name = "SMART Recovery Andover"
* type[supportGroup] = $service-type#552 "Drug and/or Alcohol Support Groups"
* program = RecoveryPrograms#smart-recovery "SMART Recovery"
* characteristic[0] = MeetingCharacteristics#in-person "In person"
* characteristic[1] = MeetingCharacteristics#newcomer "Newcomer"
* communication = $bcp47#en "English"
* availableTime.daysOfWeek = #tue
* availableTime.availableStartTime = "18:00:00"
* extension[timeZone].valueCode = #America/New_York
* serviceProvisionCode = GroupCosts#free "Free"
* location.reference = "Location/example-smart-andover-place"

Instance: example-smart-andover-place
InstanceOf: PeerSupportLocation
Usage: #example
Description: "Where SMART Recovery Andover meets (fictional)."
* status = #active
* name = "SMART Recovery Andover"
* address.line = "1 Central St"
* address.city = "Andover"
* address.state = "MA"
* address.postalCode = "01810"
* position.latitude = 42.6583
* position.longitude = -71.1368
