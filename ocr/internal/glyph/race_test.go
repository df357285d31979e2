//go:build race

package glyph_test

// raceEnabled reports a build with the race detector, which slows the
// heavier measurements tenfold: they then run on fewer lines.
const raceEnabled = true
