//go:build race

package ocr

// decodeRace says the race detector is on: heavy measurements shrink or
// skip (named apart from any raceEnabled of the rest of the package).
const decodeRace = true
