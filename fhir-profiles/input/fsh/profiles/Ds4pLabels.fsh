RuleSet: Part2SecurityLabels
// DS4P (hl7.fhir.uv.security-label-ds4p 1.0.0): restricted confidentiality with 42 CFR Part 2 as
// its basis, substance use disorder sensitivity and the law itself.
* meta.security 3..*
* obeys acb-ds4p-1

Invariant: acb-ds4p-1
Description: "42 CFR Part 2 data carries the DS4P labels: confidentiality R, sensitivity SUD and the law 42CFRPart2"
Expression: "meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality' and code = 'R').exists() and meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActCode' and code = 'SUD').exists() and meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActCode' and code = '42CFRPart2').exists()"
Severity: #error
