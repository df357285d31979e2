//go:build !race

package passport_test

// raceEnabled is true under the race detector, where the property tests
// use fewer inputs.
const raceEnabled = false
