Profile: PeerSupportGroup
Parent: HealthcareService
Id: peer-support-group
Title: "Peer-support group"
Description: """
A peer-support group or one-on-one peer service in the directory. Derived from the National Directory
(NDH) `ndh-HealthcareService` and Gravity `SDOHCC-HealthcareService`: an active service of type
"Drug and/or Alcohol Support Groups" (service-type 552), its program (AA, SMART Recovery …), what it
is like (meeting characteristics), its languages, when it meets (availableTime, in the time zone of
the meeting-time-zone extension), where (Location) and what it costs (serviceProvisionCode).
Never carries contact details of members or group leaders.
"""
* active 1..1

* name 1..1
* type 1..*
* type ^slicing.discriminator.type = #pattern
* type ^slicing.discriminator.path = "$this"
* type ^slicing.rules = #open
* type contains supportGroup 1..1
* type[supportGroup] = $service-type#552
* program 1..*
* program from RecoveryProgramsVS (extensible)
* characteristic from MeetingCharacteristicsVS (extensible)
* characteristic MS
* communication MS
* availableTime MS
* location only Reference(Location)
* location MS
* telecom 0..0
* serviceProvisionCode from GroupCostsVS (extensible)
* serviceProvisionCode MS
* extension contains MeetingTimeZone named timeZone 0..1
