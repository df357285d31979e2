//go:build race

package mrz

// findRace says the tests run under the race detector: heavy tests read
// less.
const findRace = true
