//go:build race

package glyph_test

// raceEnabled reports a build with the race detector, which slows the
// heavier measurements tenfold: they are skipped then (what they measure is
// deterministic, the same without it).
const raceEnabled = true
