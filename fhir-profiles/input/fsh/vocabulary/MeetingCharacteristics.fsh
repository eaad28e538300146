CodeSystem: MeetingCharacteristics
Id: meeting-characteristics
Title: "Meeting characteristics"
Description: "What a peer-support group or meeting is like, for matching and for people choosing: who it is for, its format, accessibility. Each concept names the Meeting Guide (TSML) type codes (the AA spec codes and the TSML plugin's NA codes, which do not clash) and BMLT format world ids it is read from, so directory importers map feeds through this code system."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* ^property[0].code = #meeting-guide-type
* ^property[=].uri = "https://github.com/code4recovery/spec"
* ^property[=].description = "A Meeting Guide (TSML) meeting type code that means this characteristic"
* ^property[=].type = #string
* ^property[+].code = #bmlt-world-id
* ^property[=].uri = "https://bmlt.app"
* ^property[=].description = "A BMLT format world id that means this characteristic"
* ^property[=].type = #string
* #in-person "In person" "Meets at a place."
* #online "Online" "Meets online (video or phone); no travel."
* #online ^property[0].code = #meeting-guide-type
* #online ^property[=].valueString = "ONL"
* #hybrid "Hybrid" "Meets at a place and online at the same time."
* #hybrid ^property[0].code = #meeting-guide-type
* #hybrid ^property[=].valueString = "HY"
* #open "Open" "Anyone may attend, including family, friends and professionals."
* #open ^property[0].code = #meeting-guide-type
* #open ^property[=].valueString = "O"
* #open ^property[+].code = #bmlt-world-id
* #open ^property[=].valueString = "OPEN"
* #closed "Closed" "Only for people who have, or think they have, the problem the group is about."
* #closed ^property[0].code = #meeting-guide-type
* #closed ^property[=].valueString = "C"
* #closed ^property[+].code = #bmlt-world-id
* #closed ^property[=].valueString = "CLOSED"
* #women "Women" "For women."
* #women ^property[0].code = #meeting-guide-type
* #women ^property[=].valueString = "W"
* #women ^property[+].code = #bmlt-world-id
* #women ^property[=].valueString = "W"
* #men "Men" "For men."
* #men ^property[0].code = #meeting-guide-type
* #men ^property[=].valueString = "M"
* #men ^property[+].code = #bmlt-world-id
* #men ^property[=].valueString = "M"
* #lgbtq "LGBTQ+" "For lesbian, gay, bisexual, transgender and queer people."
* #lgbtq ^property[0].code = #meeting-guide-type
* #lgbtq ^property[=].valueString = "LGBTQ"
* #lgbtq ^property[+].code = #meeting-guide-type
* #lgbtq ^property[=].valueString = "G"
* #lgbtq ^property[+].code = #meeting-guide-type
* #lgbtq ^property[=].valueString = "L"
* #lgbtq ^property[+].code = #meeting-guide-type
* #lgbtq ^property[=].valueString = "BI"
* #lgbtq ^property[+].code = #bmlt-world-id
* #lgbtq ^property[=].valueString = "GL"
* #lgbtq ^property[+].code = #meeting-guide-type
* #lgbtq ^property[=].valueString = "GL"
* #transgender "Transgender" "For transgender people."
* #transgender ^property[0].code = #meeting-guide-type
* #transgender ^property[=].valueString = "T"
* #non-binary "Non-binary" "For non-binary people."
* #non-binary ^property[0].code = #meeting-guide-type
* #non-binary ^property[=].valueString = "NB"
* #young-people "Young people" "For young people."
* #young-people ^property[0].code = #meeting-guide-type
* #young-people ^property[=].valueString = "Y"
* #young-people ^property[+].code = #bmlt-world-id
* #young-people ^property[=].valueString = "Y"
* #seniors "Seniors" "For older adults."
* #seniors ^property[0].code = #meeting-guide-type
* #seniors ^property[=].valueString = "SEN"
* #people-of-color "People of colour" "For people of colour."
* #people-of-color ^property[0].code = #meeting-guide-type
* #people-of-color ^property[=].valueString = "POC"
* #indigenous "Indigenous" "For Native American and Indigenous people."
* #indigenous ^property[0].code = #meeting-guide-type
* #indigenous ^property[=].valueString = "N"
* #indigenous ^property[+].code = #meeting-guide-type
* #indigenous ^property[=].valueString = "NDG"
* #newcomer "Newcomer" "Welcomes people new to recovery; suits first meetings and social anxiety."
* #newcomer ^property[0].code = #meeting-guide-type
* #newcomer ^property[=].valueString = "BE"
* #newcomer ^property[+].code = #bmlt-world-id
* #newcomer ^property[=].valueString = "BEG"
* #newcomer ^property[+].code = #meeting-guide-type
* #newcomer ^property[=].valueString = "BEG"
* #speaker "Speaker" "One person shares their story; others listen, no need to speak."
* #speaker ^property[0].code = #meeting-guide-type
* #speaker ^property[=].valueString = "SP"
* #speaker ^property[+].code = #bmlt-world-id
* #speaker ^property[=].valueString = "SPK"
* #speaker ^property[+].code = #meeting-guide-type
* #speaker ^property[=].valueString = "SPK"
* #discussion "Discussion" "Participants share on a topic."
* #discussion ^property[0].code = #meeting-guide-type
* #discussion ^property[=].valueString = "D"
* #discussion ^property[+].code = #bmlt-world-id
* #discussion ^property[=].valueString = "DISC"
* #discussion ^property[+].code = #meeting-guide-type
* #discussion ^property[=].valueString = "DISC"
* #step-study "Step study" "Works through the steps."
* #step-study ^property[0].code = #meeting-guide-type
* #step-study ^property[=].valueString = "ST"
* #step-study ^property[+].code = #meeting-guide-type
* #step-study ^property[=].valueString = "12x12"
* #step-study ^property[+].code = #bmlt-world-id
* #step-study ^property[=].valueString = "STEP"
* #step-study ^property[+].code = #meeting-guide-type
* #step-study ^property[=].valueString = "STEP"
* #literature "Literature study" "Reads and discusses program literature."
* #literature ^property[0].code = #meeting-guide-type
* #literature ^property[=].valueString = "B"
* #literature ^property[+].code = #meeting-guide-type
* #literature ^property[=].valueString = "LIT"
* #literature ^property[+].code = #meeting-guide-type
* #literature ^property[=].valueString = "ABSI"
* #literature ^property[+].code = #meeting-guide-type
* #literature ^property[=].valueString = "LS"
* #literature ^property[+].code = #meeting-guide-type
* #literature ^property[=].valueString = "DR"
* #literature ^property[+].code = #meeting-guide-type
* #literature ^property[=].valueString = "GR"
* #literature ^property[+].code = #bmlt-world-id
* #literature ^property[=].valueString = "LIT"
* #literature ^property[+].code = #bmlt-world-id
* #literature ^property[=].valueString = "BT"
* #literature ^property[+].code = #bmlt-world-id
* #literature ^property[=].valueString = "IW"
* #meditation "Meditation" "Includes meditation."
* #meditation ^property[0].code = #meeting-guide-type
* #meditation ^property[=].valueString = "MED"
* #meditation ^property[+].code = #meeting-guide-type
* #meditation ^property[=].valueString = "11"
* #meditation ^property[+].code = #bmlt-world-id
* #meditation ^property[=].valueString = "MED"
* #secular "Secular" "A twelve-step meeting without religious content (agnostic, atheist)."
* #secular ^property[0].code = #meeting-guide-type
* #secular ^property[=].valueString = "A"
* #dual-diagnosis "Dual diagnosis" "For people with both a mental-health condition and a substance use disorder."
* #dual-diagnosis ^property[0].code = #meeting-guide-type
* #dual-diagnosis ^property[=].valueString = "DD"
* #professionals "Professionals" "For professionals (e.g. health-care workers)."
* #professionals ^property[0].code = #meeting-guide-type
* #professionals ^property[=].valueString = "P"
* #wheelchair-accessible "Wheelchair accessible" "The meeting place is wheelchair accessible."
* #wheelchair-accessible ^property[0].code = #meeting-guide-type
* #wheelchair-accessible ^property[=].valueString = "X"
* #wheelchair-accessible ^property[+].code = #bmlt-world-id
* #wheelchair-accessible ^property[=].valueString = "WCHR"
* #sign-language "Sign language" "Interpreted in American Sign Language."
* #sign-language ^property[0].code = #meeting-guide-type
* #sign-language ^property[=].valueString = "ASL"
* #child-friendly "Child-friendly" "Children are welcome."
* #child-friendly ^property[0].code = #meeting-guide-type
* #child-friendly ^property[=].valueString = "CF"
* #child-friendly ^property[+].code = #bmlt-world-id
* #child-friendly ^property[=].valueString = "CW"
* #child-friendly ^property[+].code = #meeting-guide-type
* #child-friendly ^property[=].valueString = "CW"
* #small-group "Small group" "Usually fewer than about a dozen people: easier for people with social anxiety."
* #one-on-one "One-on-one" "A single peer supporter, not a group: a first step for people who find groups hard."

ValueSet: MeetingCharacteristicsVS
Id: meeting-characteristics
Title: "Meeting characteristics"
Description: "Every meeting characteristic."
* include codes from system MeetingCharacteristics

