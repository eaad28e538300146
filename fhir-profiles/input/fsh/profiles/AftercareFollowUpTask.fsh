Profile: AftercareFollowUpTask
Parent: Task
Id: aftercare-followup-task
Title: "Aftercare follow-up Task"
Description: """
A follow-up a peer coordinator owes after a referral: first contact within 48 hours, confirming the
first meeting, the 7-, 30- and 90-day check-ins, obtaining consent, choosing a group. Modelled like
Gravity's SDOHCC tasks: based on the referral ServiceRequest, part of the referral Task, for the
Patient, with the time it is due in `restriction.period.end`. Labelled as 42 CFR Part 2 data.
"""
* insert Part2SecurityLabels
* intent = #order
* code 1..1
* code from FollowUpKindsVS (required)
* basedOn 1..1
* basedOn only Reference(ServiceRequest)
* partOf only Reference(Task)
* for 1..1
* for only Reference(Patient)
* authoredOn 1..1
* restriction 1..1
* restriction.period 1..1
* restriction.period.end 1..1
* statusReason obeys acb-task-1
