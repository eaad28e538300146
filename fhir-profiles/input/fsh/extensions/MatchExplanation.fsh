Extension: MatchExplanation
Id: match-explanation
Title: "Match explanation"
Description: "Why a peer-support group was chosen for a person: the group, the matching score (0..1) and each criterion met or missed, in words a coordinator reads. On a referral Task (one per group offered) and on the search entries of `$match-peer-groups`."
* ^context[0].type = #element
* ^context[=].expression = "Task"
* ^context[+].type = #element
* ^context[=].expression = "Bundle.entry.search"
* extension contains
    group 0..1 and
    score 1..1 and
    met 0..* and
    missed 0..*
* extension[group].value[x] only Reference(HealthcareService)
* extension[group] ^short = "The group this explanation is about"
* extension[score].value[x] only decimal
* extension[score] ^short = "Matching score: higher is a better fit"
* extension[met].value[x] only string
* extension[met] ^short = "A criterion the group meets, explained"
* extension[missed].value[x] only string
* extension[missed] ^short = "A criterion the group does not meet, explained"

Extension: MeetingTimeZone
Id: meeting-time-zone
Title: "Meeting time zone"
Description: "The IANA time zone of a group's availableTime (FHIR R4 times carry none): what the next meeting after a discharge is computed in."
* ^context.type = #element
* ^context.expression = "HealthcareService"
* value[x] only code
* valueCode 1..1
