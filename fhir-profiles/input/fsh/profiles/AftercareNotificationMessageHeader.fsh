Profile: AftercareNotificationMessageHeader
Parent: MessageHeader
Id: aftercare-notification-messageheader
Title: "Notification MessageHeader"
Description: """
The MessageHeader of a notification message. Derived from the Da Vinci `notifications-messageheader`:
the event is a coded notification event, at least one focus is referenced, and no response is
expected. `source.endpoint` identifies the sending system: with the authenticated client it is the
sender a duplicate message is recognised by.
"""
* event[x] only Coding
* eventCoding from NotificationEvents (extensible)
* focus 1..*
* focus.reference 1..1
* response 0..0
* source.endpoint 1..1
