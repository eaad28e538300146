Profile: AftercareSudCondition
Parent: Condition
Id: aftercare-sud-condition
Title: "Substance use disorder diagnosis"
Description: """
A substance use disorder diagnosis sent with a discharge. Derived from the Da Vinci
`adt-notification-condition` (on US Core Condition Encounter Diagnosis): an encounter diagnosis about
the Patient, for the discharge Encounter. Its code, ICD-10-CM F10–F19 or SNOMED CT, tells matching
which substance the person is recovering from. Data about it is 42 CFR Part 2 protected.
"""
* category 1..*
* category = $condition-category#encounter-diagnosis
* code 1..1
* code from SubstanceUseDisorderDiagnoses (extensible)
* subject only Reference(Patient)
* subject.reference 1..1
* encounter 1..1
