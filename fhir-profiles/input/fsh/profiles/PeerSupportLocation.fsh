Profile: PeerSupportLocation
Parent: Location
Id: peer-support-location
Title: "Peer-support meeting place"
Description: """
Where a peer-support group meets in person. Derived from NDH `ndh-Location`: an active place with a
name, an address and a position, so that distance to the person can be computed (Location `near`).
"""
* status 1..1
* name 1..1
* address 1..1
* position 1..1
