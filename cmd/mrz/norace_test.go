//go:build !race

package main

// raceEnabled is true under the race detector, where the property tests
// use fewer inputs.
const raceEnabled = false
