CodeSystem: DaVinciNotificationEvent
Id: davinci-notification-event
Title: "Da Vinci Notification Event (the codes Aftercare Bridge knows)"
Description: "A fragment of the Da Vinci Unsolicited Notifications event code system (hl7.fhir.us.davinci-alerts 1.1.0), shipped because its package cannot be fetched at validation time. Codes outside this fragment are accepted with a warning."
* ^url = $notification-event
* ^version = "1.1.0"
* ^status = #active
* ^content = #fragment
* ^caseSensitive = true
* #notification-admit "Admit Notification"
* #notification-discharge "Discharge Notification"
* #notification-transfer "Transfer Notification"
* #notification-referral "Referral Notification"
* #notification-tx-change "Treatment Change Notification"
* #notification-new-condition "New Condition Notification"
* #notification-social-determinants-change "Social Determinants Change Notification"
* #notification-outpatient-visit "Outpatient Visit Notification"

ValueSet: NotificationEvents
Id: notification-events
Title: "Notification events"
Description: "The Da Vinci notification events a clinical system may send to $process-message. A notification-discharge starts aftercare; other events are acknowledged without a referral."
* include codes from system $notification-event

ValueSet: SubstanceUseDisorderDiagnoses
Id: substance-use-disorder-diagnoses
Title: "Substance use disorder diagnoses"
Description: "ICD-10-CM mental and behavioural disorders due to psychoactive substance use (F10–F19), the families matching reads the substance from; and SNOMED CT substance-related disorders. Bound extensibly: codes are not expanded here (neither code system is distributed with the service)."
* include codes from system $icd10cm where concept is-a #F10-F19
* include codes from system $sct where concept is-a #66214007 "Substance abuse (disorder)"
