//go:build !race

package glyph_test

const raceEnabled = false
