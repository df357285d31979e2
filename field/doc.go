// Package field holds the typed values shared by the mrzkit packages: dates
// ([Date], possibly partial), countries ([Country]: ISO 3166-1 and the ICAO
// Doc 9303 codes that are not ISO), the sex of a document holder ([Sex]),
// [Confidence], and [Field], a value read from a document with its
// confidence, polygon and [Page], and the page [Orientation].
//
// The types are small comparable values in the style of net/netip: the zero
// value means "absent", each has a Parse function and text and JSON
// marshaling, and none holds mutable global state. The shapes vendors give
// fields in are package passport's.
package field
