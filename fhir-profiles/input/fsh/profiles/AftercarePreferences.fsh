Instance: aftercare-preferences
InstanceOf: Questionnaire
Usage: #definition
Title: "Aftercare preferences"
Description: "What a person wants from peer support after discharge, asked before discharge (by the treatment team or the person) and sent with the discharge event as a QuestionnaireResponse. Every answer is optional: matching uses what it gets."
* url = "https://aftercarebridge.org/fhir/Questionnaire/aftercare-preferences"
* version = "0.1.0"
* name = "AftercarePreferences"
* title = "Aftercare preferences"
* status = #active
* subjectType = #Patient
* item[0].linkId = "approach"
* item[=].text = "Which kinds of groups appeal to you?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = Canonical(RecoveryApproachesVS)
* item[+].linkId = "identity-groups"
* item[=].text = "Would you prefer a group for a particular gender, identity, age or culture?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = Canonical(IdentityGroups)
* item[+].linkId = "language"
* item[=].text = "In which languages are you comfortable in a group?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = "http://hl7.org/fhir/ValueSet/languages"
* item[+].linkId = "language-required"
* item[=].text = "Only groups in these languages?"
* item[=].type = #boolean
* item[=].enableWhen.question = "language"
* item[=].enableWhen.operator = #exists
* item[=].enableWhen.answerBoolean = true
* item[+].linkId = "format"
* item[=].text = "How would you like to meet?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = Canonical(MeetingFormats)
* item[+].linkId = "accessibility"
* item[=].text = "Is there anything you need to be able to attend (wheelchair access, sign language)?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = Canonical(AccessibilityNeeds)
* item[+].linkId = "max-travel-km"
* item[=].text = "How far can you travel to a meeting (km)?"
* item[=].type = #decimal
* item[+].linkId = "availability"
* item[=].text = "When can you usually go?"
* item[=].type = #group
* item[=].repeats = true
* item[=].item[0].linkId = "availability.day"
* item[=].item[=].text = "Day"
* item[=].item[=].type = #choice
* item[=].item[=].answerValueSet = "http://hl7.org/fhir/ValueSet/days-of-week"
* item[=].item[+].linkId = "availability.from"
* item[=].item[=].text = "From"
* item[=].item[=].type = #time
* item[=].item[+].linkId = "availability.to"
* item[=].item[=].text = "To"
* item[=].item[=].type = #time
* item[+].linkId = "cost"
* item[=].text = "What can you pay?"
* item[=].type = #choice
* item[=].answerValueSet = Canonical(CostPreferencesVS)
* item[+].linkId = "social-anxiety"
* item[=].text = "Do groups make you anxious?"
* item[=].type = #boolean
* item[+].linkId = "gentle-start"
* item[=].text = "Which would be easier for a start?"
* item[=].type = #choice
* item[=].repeats = true
* item[=].answerValueSet = Canonical(GentleStarts)
* item[=].enableWhen.question = "social-anxiety"
* item[=].enableWhen.operator = #=
* item[=].enableWhen.answerBoolean = true
* item[+].linkId = "family-involvement"
* item[=].text = "Would your family or friends like a group of their own (Al-Anon, Nar-Anon, SMART Family & Friends)?"
* item[=].type = #boolean

Profile: AftercarePreferencesResponse
Parent: QuestionnaireResponse
Id: aftercare-preferences-response
Title: "Aftercare preferences answers"
Description: """
A person's answers to the aftercare-preferences Questionnaire, sent with a discharge event or to
`$match-peer-groups`. Follows the SDC / Gravity SDOHCC pattern of a QuestionnaireResponse about the
Patient: completed (or amended), authored, and pointing at our Questionnaire.
"""
* questionnaire 1..1
* questionnaire = "https://aftercarebridge.org/fhir/Questionnaire/aftercare-preferences"
* status from PreferencesResponseStatus (required)
* subject 1..1
* subject only Reference(Patient)
* authored 1..1

ValueSet: PreferencesResponseStatus
Id: preferences-response-status
Title: "Preferences response status"
Description: "Only finished answers are used for matching."
* http://hl7.org/fhir/questionnaire-answers-status#completed
* http://hl7.org/fhir/questionnaire-answers-status#amended
