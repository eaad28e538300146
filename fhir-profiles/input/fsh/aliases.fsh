Alias: $notification-event = http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event
Alias: $icd10cm = http://hl7.org/fhir/sid/icd-10-cm
Alias: $sct = http://snomed.info/sct
Alias: $condition-category = http://terminology.hl7.org/CodeSystem/condition-category
Alias: $condition-clinical = http://terminology.hl7.org/CodeSystem/condition-clinical
Alias: $v3-ActCode = http://terminology.hl7.org/CodeSystem/v3-ActCode
Alias: $v2-0203 = http://terminology.hl7.org/CodeSystem/v2-0203
Alias: $bcp47 = urn:ietf:bcp:47
