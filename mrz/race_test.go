//go:build race

package mrz_test

const raceEnabled = true
