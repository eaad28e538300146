CodeSystem: CostPreferences
Id: cost-preferences
Title: "Cost preferences"
Description: "What a person can pay for a group: most mutual-help groups are free or take donations; some peer services charge on a sliding scale."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #free-only "Free only" "Only groups without any charge or expected donation."
* #donation "Donation" "Groups that pass a basket for voluntary donations are fine."
* #sliding-scale "Sliding scale" "Services with income-based fees are fine."

ValueSet: CostPreferencesVS
Id: cost-preferences
Title: "Cost preferences"
Description: "Every cost preference."
* include codes from system CostPreferences

ValueSet: IdentityGroups
Id: identity-groups
Title: "Identity-specific groups"
Description: "The groups for a gender, identity, age or culture a person may prefer."
* MeetingCharacteristics#women
* MeetingCharacteristics#men
* MeetingCharacteristics#lgbtq
* MeetingCharacteristics#transgender
* MeetingCharacteristics#non-binary
* MeetingCharacteristics#young-people
* MeetingCharacteristics#seniors
* MeetingCharacteristics#people-of-color
* MeetingCharacteristics#indigenous

ValueSet: MeetingFormats
Id: meeting-formats
Title: "Meeting formats"
Description: "In person, online or hybrid."
* MeetingCharacteristics#in-person
* MeetingCharacteristics#online
* MeetingCharacteristics#hybrid

ValueSet: GentleStarts
Id: gentle-starts
Title: "Gentle starts"
Description: "Settings that suit people for whom a group is hard at first (social anxiety): a smaller group, a newcomer meeting, a speaker meeting where nobody has to speak, or one-on-one peer support."
* MeetingCharacteristics#small-group
* MeetingCharacteristics#newcomer
* MeetingCharacteristics#speaker
* MeetingCharacteristics#one-on-one

CodeSystem: GroupCosts
Id: group-costs
Title: "Group costs"
Description: "What attending a group costs (HealthcareService.serviceProvisionCode): mutual-help groups are free or pass a basket; some peer services charge, some on a sliding scale."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #free "Free" "No charge and no expected donation."
* #donation "Voluntary donation" "Free to attend; a basket is passed for voluntary contributions."
* #sliding-scale "Sliding scale" "An income-based fee."
* #fee "Fee" "A fixed fee."

ValueSet: GroupCostsVS
Id: group-costs
Title: "Group costs"
Description: "Every group cost."
* include codes from system GroupCosts

ValueSet: AccessibilityNeeds
Id: accessibility-needs
Title: "Accessibility needs"
Description: "What a person cannot attend a group without: matching never offers a group lacking it."
* MeetingCharacteristics#wheelchair-accessible
* MeetingCharacteristics#sign-language
