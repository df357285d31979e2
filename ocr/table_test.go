package ocr

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/pages"
)

// degradation is a row of the generator table: how its pages are drawn
// (from a seed) and the share of them that must read exactly.
type degradation struct {
	name  string
	spec  func(r *rand.Rand, s *pages.Spec)
	floor float64 // least share of exact reads
	large bool    // big pages: fewer of them
}

func uniform(r *rand.Rand, lo, hi float64) float64 { return lo + (hi-lo)*r.Float64() }
func signed(r *rand.Rand, lo, hi float64) float64 {
	v := uniform(r, lo, hi)
	if r.IntN(2) == 0 {
		return -v
	}
	return v
}

// degradations are the rows of the table. Every page has a random format,
// a clutter of photo, text and guilloches, and capitals of 14 to 28
// pixels, unless the row says otherwise; each row adds one degradation at
// a severity drawn in its range. "combined" draws several at once, and
// "no MRZ" pages must all be not found (counted as exact when they are).
// The floors guard against regressions on the default sample (8 pages a
// row): they are below what it reads.
var degradations = []degradation{
	{name: "clean", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) {}},
	{name: "quarter turns", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.Turn = r.IntN(4) }},
	{name: "skew 5-15°", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.Turn = r.IntN(4); s.Skew = signed(r, 5, 15) }},
	{name: "perspective 3-8%", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.Perspective = uniform(r, 0.03, 0.08) }},
	{name: "small (caps 8-12 px)", floor: 0.6, spec: func(r *rand.Rand, s *pages.Spec) { s.CapHeight = uniform(r, 8, 12) }},
	{name: "large (caps 50-100 px)", floor: 0.5, large: true, spec: func(r *rand.Rand, s *pages.Spec) {
		s.CapHeight = uniform(r, 50, 100)
		s.Margin = uniform(r, 0.02, 0.08) // a scan of the document alone: the page stays under 40 MP
	}},
	{name: "blur σ 1-2.5 px", floor: 0.75, spec: func(r *rand.Rand, s *pages.Spec) { s.Blur = uniform(r, 1, 2.5) }},
	{name: "noise σ 10-30", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.Noise = uniform(r, 10, 30) }},
	{name: "uneven light and glare", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.Light = uniform(r, 0.4, 0.9) }},
	{name: "JPEG quality 15-40", floor: 0.85, spec: func(r *rand.Rand, s *pages.Spec) { s.JPEG = 15 + r.IntN(26); s.Color = true }},
	{name: "combined", floor: 0.75, spec: func(r *rand.Rand, s *pages.Spec) {
		s.Turn = r.IntN(4)
		s.Skew = signed(r, 0, 10)
		s.Perspective = uniform(r, 0, 0.05)
		s.Blur = uniform(r, 0.5, 1.5)
		s.Noise = uniform(r, 3, 15)
		s.Light = uniform(r, 0, 0.6)
		s.JPEG = 30 + r.IntN(50)
		s.Color = true
	}},
	{name: "no MRZ", floor: 1, spec: func(r *rand.Rand, s *pages.Spec) { s.NoMRZ = true; s.Turn = r.IntN(4); s.Skew = signed(r, 0, 10) }},
}

// heldOutRows are degradations read only with OCR_TABLE_SEEDS=heldout: a
// mix no row above draws, never read while the reader was tuned.
var heldOutRows = []degradation{
	{name: "held out: small, tilted, glare, JPEG 20-35", spec: func(r *rand.Rand, s *pages.Spec) {
		s.CapHeight = uniform(r, 10, 14)
		s.Turn = r.IntN(4)
		s.Skew = signed(r, 3, 12)
		s.Perspective = uniform(r, 0.03, 0.06)
		s.Light = uniform(r, 0.5, 0.8)
		s.JPEG = 20 + r.IntN(16)
		s.Color = true
	}},
}

// tableRows returns the rows to read.
func tableRows() []degradation {
	if tableSeedBase() != 0 {
		return append(append([]degradation(nil), degradations...), heldOutRows...)
	}
	return degradations
}

// tableSeedBase offsets the seeds of the table's pages: 0 for the pages
// the reader was tuned on, another range with OCR_TABLE_SEEDS=heldout for
// pages it never saw while it was written (docs/ocr.md reports both).
func tableSeedBase() uint64 {
	if os.Getenv("OCR_TABLE_SEEDS") == "heldout" {
		return 7_000_000_000
	}
	return 0
}

// tableSize is the number of pages a row reads: OCR_TABLE_N when set, a
// page a row under the race detector, two under -short, 8 otherwise.
func tableSize() int {
	if v, err := strconv.Atoi(os.Getenv("OCR_TABLE_N")); err == nil && v > 0 {
		return v
	}
	switch {
	case raceEnabled:
		return 1
	case testing.Short():
		return 2
	}
	return 8
}

// TestGeneratorTable renders pages of every format with one degradation a
// row, reads them, and counts exact reads (valid, every line as drawn),
// reads that are valid but wrong (which must never happen), and the rest
// (invalid, ambiguous or not found). With -v it prints the table that
// docs/ocr.md shows; OCR_TABLE_N sets the pages per row, OCR_TABLE_ROW
// picks the rows whose name holds it.
func TestGeneratorTable(t *testing.T) {
	testFont(t)
	n := tableSize()
	var rows []string
	for di, d := range tableRows() {
		if only := os.Getenv("OCR_TABLE_ROW"); only != "" && !strings.Contains(d.name, only) {
			continue
		}
		m := n
		if d.large {
			m = max(1, n/3)
		}
		exact, wrongValid, other := 0, 0, 0
		for i := 0; i < m; i++ {
			seed := tableSeedBase() + uint64(1_000_000*(di+1)+i)
			r := rand.New(rand.NewPCG(seed, 7))
			s := pages.Spec{
				Format:    pages.Formats[(i+di)%len(pages.Formats)],
				CapHeight: uniform(r, 14, 28),
				Clutter:   uniform(r, 0.5, 1),
				Margin:    uniform(r, 0.05, 0.3),
			}
			d.spec(r, &s)
			pg := renderPage(t, s, seed)
			file, err := pg.File()
			if err != nil {
				t.Fatal(err)
			}
			res, err := ReadBytes(context.Background(), file, WithMRZOptions(mrz.WithReferenceDate(pages.Reference)))
			switch {
			case err != nil && !errors.Is(err, ErrNotFound):
				t.Fatalf("%s page %d: %v", d.name, i, err)
			case s.NoMRZ:
				if err == nil {
					other++
					t.Errorf("%s page %d: read %q on a page without an MRZ", d.name, i, res.Lines)
				} else {
					exact++
				}
			case err != nil:
				other++
				t.Logf("%s page %d (%v, seed %d): not found", d.name, i, s.Format, seed)
			case res.IsValid() && slices.Equal(res.Lines, pg.Lines):
				exact++

				if want := (360 - 90*pg.Turn) % 360; res.Orientation.Degrees != want {
					t.Errorf("%s page %d: orientation %d, want %d", d.name, i, res.Orientation.Degrees, want)
				}
			case res.IsValid():
				wrongValid++

				t.Errorf("%s page %d (seed %d): valid but wrong: %q, drawn %q", d.name, i, seed, res.Lines, pg.Lines)
			default:
				other++
				t.Logf("%s page %d (%v, seed %d): %q, drawn %q: %v", d.name, i, s.Format, seed, res.Raw, pg.Lines, res.Err)
			}
		}
		rows = append(rows, fmt.Sprintf("| %s | %d | %d | %d | %d |", d.name, m, exact, wrongValid, other))
		if float64(exact) < d.floor*float64(m) && !sampleOnly() {
			t.Errorf("%s: %d of %d exact, want at least %.0f%%", d.name, exact, m, 100*d.floor)
		}
	}
	t.Logf("\n| degradation | pages | exact | valid but wrong | other |\n| --- | --- | --- | --- | --- |\n%s", strings.Join(rows, "\n"))
}

// sampleOnly reports whether the table reads only a sample, too small for its
// floors.
func sampleOnly() bool { return tableSize() < 8 }
