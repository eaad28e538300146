Extension: MatchExplanation
Id: match-explanation
Title: "Match explanation"
Description: "Why a peer-support group was chosen for a person: the matching score and each criterion met or missed, in words a coordinator reads."
* ^context.type = #element
* ^context.expression = "Task"
* extension contains
    score 1..1 and
    met 0..* and
    missed 0..*
* extension[score].value[x] only decimal
* extension[score] ^short = "Matching score: higher is a better fit"
* extension[met].value[x] only string
* extension[met] ^short = "A criterion the group meets, explained"
* extension[missed].value[x] only string
* extension[missed] ^short = "A criterion the group does not meet, explained"
