CodeSystem: RecoveryPrograms
Id: recovery-programs
Title: "Recovery programs"
Description: "Mutual-help fellowships and peer-support programs a person can be referred to. No published code system names them (HL7 `program` and the SDOHCC VSAC program value set cover public-benefit programs), so Aftercare Bridge defines these."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #aa "Alcoholics Anonymous" "Twelve-step fellowship for people with a desire to stop drinking."
* #na "Narcotics Anonymous" "Twelve-step fellowship for recovery from drug addiction, any drug."
* #ca "Cocaine Anonymous" "Twelve-step fellowship, cocaine and all mind-altering substances."
* #cma "Crystal Meth Anonymous" "Twelve-step fellowship for recovery from crystal meth addiction."
* #ha "Heroin Anonymous" "Twelve-step fellowship for recovery from heroin and opioid addiction."
* #smart-recovery "SMART Recovery" "Secular, science-based (CBT) self-empowering mutual help, any substance or behaviour."
* #moderation-management "Moderation Management" "Peer support for people who want to reduce or stop drinking; moderation goals accepted."
* #women-for-sobriety "Women for Sobriety" "Abstinence-based program by and for women."
* #lifering "LifeRing Secular Recovery" "Secular, abstinence-based peer support."
* #recovery-dharma "Recovery Dharma" "Buddhist-inspired, mindfulness-based peer-led recovery."
* #celebrate-recovery "Celebrate Recovery" "Christ-centred twelve-step recovery program."
* #all-recovery "All Recovery meeting" "Meetings open to people of any recovery pathway."
* #al-anon "Al-Anon" "For families and friends of people with alcohol problems."
* #alateen "Alateen" "Al-Anon's program for young people affected by someone else's drinking."
* #nar-anon "Nar-Anon" "For families and friends of people with drug problems."
* #smart-family-friends "SMART Recovery Family & Friends" "CRAFT-based support for families and friends."
* #peer-recovery-support "Certified peer recovery support" "One-on-one support from a certified peer recovery specialist."

ValueSet: RecoveryProgramsVS
Id: recovery-programs
Title: "Recovery programs"
Description: "Every recovery program Aftercare Bridge knows."
* include codes from system RecoveryPrograms

CodeSystem: RecoveryApproaches
Id: recovery-approaches
Title: "Recovery approaches"
Description: "The philosophy of a program or group, as people choose by it: spiritual twelve-step, secular, moderation, mindfulness or faith-based."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #twelve-step "Twelve-step" "Spiritual program built on the twelve steps and a higher power of one's understanding."
* #secular "Secular" "No spiritual or religious content; often cognitive-behavioural (e.g. SMART Recovery, LifeRing)."
* #moderation "Moderation" "Reducing use is an accepted goal, not only abstinence."
* #mindfulness "Mindfulness" "Meditation and mindfulness practice at the centre (e.g. Recovery Dharma)."
* #faith-based "Faith-based" "Grounded in a particular religious faith (e.g. Celebrate Recovery)."

ValueSet: RecoveryApproachesVS
Id: recovery-approaches
Title: "Recovery approaches"
Description: "Every recovery approach."
* include codes from system RecoveryApproaches

CodeSystem: FollowUpKinds
Id: follow-up-kinds
Title: "Follow-up kinds"
Description: "What a follow-up Task asks a peer coordinator to do after a referral."
* ^status = #active
* ^caseSensitive = true
* ^content = #complete
* #first-contact "First contact" "Reach the person, normally within 48 hours of discharge."
* #first-meeting "First meeting" "Confirm whether the person attended a first meeting."
* #check-in-7d "7-day check-in" "Check engagement seven days after discharge."
* #check-in-30d "30-day check-in" "Check engagement thirty days after discharge."
* #check-in-90d "90-day check-in" "Check engagement ninety days after discharge."
* #obtain-consent "Obtain consent" "Ask the person for a 42 CFR Part 2 consent covering the referral."
* #choose-group "Choose a group" "No group could be matched or every offer was declined: a coordinator decides."

ValueSet: FollowUpKindsVS
Id: follow-up-kinds
Title: "Follow-up kinds"
Description: "Every follow-up kind."
* include codes from system FollowUpKinds
