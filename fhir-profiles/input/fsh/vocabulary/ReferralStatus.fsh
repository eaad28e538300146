CodeSystem: BserTaskBusinessStatus
Id: bser-task-business-status
Title: "BSeR Task business status (the codes Aftercare Bridge uses)"
Description: "A fragment of the BSeR TaskBusinessStatusCS (hl7.fhir.us.bser 2.0.0-ballot), harmonised with the IHE 360X state machine; shipped because the package cannot be fetched. 'Unattended' and 'Event Completed' record whether the person attended the meeting."
* ^url = $bser-business-status
* ^status = #active
* ^content = #fragment
* ^caseSensitive = true
* #2.0 "Service Request Created"
* #3.0 "Accepted"
* #4.0 "Declined"
* #5.1.1 "Event Scheduled"
* #5.1.2 "Unattended"
* #5.1.3 "Event Cancelled"
* #5.1.4 "Event Completed"
* #5.2 "Cancellation Requested"
* #6.0 "Fulfillment Cancelled"
* #7.0 "Fulfillment Completed"

ValueSet: ReferralBusinessStatus
Id: referral-business-status
Title: "Referral business status"
Description: "Where a referral stands in the coordinator's work, including meeting attendance (BSeR)."
* include codes from system BserTaskBusinessStatus

ValueSet: ReferralTaskStatus
Id: referral-task-status
Title: "Referral Task status"
Description: "The Task statuses a referral can have: all of FHIR's TaskStatus except `ready` and `received`, as Gravity SDOH Clinical Care's SDOHCC-ValueSetReferralTaskStatus."
* include codes from system $task-status
* exclude $task-status#ready
* exclude $task-status#received

CodeSystem: ReferralDeclineReasons
Id: referral-decline-reasons
Title: "Referral decline reasons"
Description: "Why a peer group or its coordinator declined a referral (Task.statusReason of a rejected Task, with its text as Gravity requires). A declined referral goes to the next group matching offered."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #group-full "Group full" "The group has no room for a newcomer now (Gravity's 'no capacity')."
* #not-a-fit "Not a fit" "The group is not right for the person (program, setting, audience)."
* #unreachable "Unreachable" "The group could not reach the person."
* #person-declined "Person declined" "The person does not want this group."
* #other "Other" "Another reason, given in the text."

ValueSet: ReferralDeclineReasonsVS
Id: referral-decline-reasons
Title: "Referral decline reasons"
Description: "Every referral decline reason."
* include codes from system ReferralDeclineReasons

CodeSystem: TaskFlags
Id: task-flags
Title: "Task flags"
Description: "Flags Aftercare Bridge puts on Tasks (meta.tag) for the people who work them."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #overdue "Overdue" "Not done by when it was due: escalated to the coordinator leads, priority raised."
