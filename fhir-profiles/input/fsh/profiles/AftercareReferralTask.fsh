Profile: AftercareReferralTask
Parent: Task
Id: aftercare-referral-task
Title: "Aftercare referral Task"
Description: """
The closed-loop Task a peer-support group or coordinator works to fulfil an aftercare referral.
Derived from Gravity SDOH Clinical Care `SDOHCC-TaskForReferralManagement` (intent order, code
fulfill, focus the ServiceRequest, status without ready/received, statusReason with text) and BSeR
`referral-task` (businessStatus for scheduling and attendance). The owner is the chosen group; the
match explanation says why it was chosen. Labelled as 42 CFR Part 2 data (DS4P).
"""
* insert Part2SecurityLabels
* extension contains MatchExplanation named matchExplanation 0..*
* status from ReferralTaskStatus (required)
* statusReason obeys acb-task-1
* statusReason from ReferralDeclineReasonsVS (extensible)
* businessStatus from ReferralBusinessStatus (extensible)
* intent = #order
* code 1..1
* code = $task-code#fulfill
* focus 1..1
* focus only Reference(ServiceRequest)
* for 1..1
* for only Reference(Patient)
* authoredOn 1..1
* requester 1..1
* owner MS

Invariant: acb-task-1
Description: "A status reason is explained in text (Gravity SDOHCC)"
Expression: "text.exists()"
Severity: #error
