package ocr

import (
	"fmt"
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
	"github.com/mrzkit/mrzkit/ocr/internal/pages"
)

// zoneCells returns the centres of the cells of zone f in pixels of the
// image as given, per line.
func zoneCells(src *source, f found) [][]pt {
	var out [][]pt
	for _, g := range f.grid {
		st := sampleStrip(src, g, f.z.k0, f.z.k1-f.z.k0+1, false, nil)
		bd, _ := measureBand(&st, nil)
		if !bd.ok {
			out = append(out, nil)
			continue
		}
		var cs []pt
		for _, q := range bd.quads(&st, nil) {
			c := pt{(q[0].X + q[2].X) / 2, (q[0].Y + q[2].Y) / 2}
			cs = append(cs, st.toImage(c.X, c.Y))
		}
		out = append(out, cs)
	}
	return out
}

// TestDetectGeometry renders pages of every format, turned and skewed, at
// several sizes, and checks that the best zone found has the MRZ's lines,
// and every cell within a fifth of a pitch of the truth.
func TestDetectGeometry(t *testing.T) {
	n := 48
	if testing.Short() || raceEnabled {
		n = 8
	}
	for i := 0; i < n; i++ {
		spec := pages.Spec{
			Format:      pages.Formats[i%len(pages.Formats)],
			Turn:        i % 4,
			Skew:        float64(i%7-3) * 4,
			CapHeight:   10 + float64(i%5)*8,
			Perspective: float64(i%3) * 0.03,
			Clutter:     1,
		}
		t.Run(fmt.Sprintf("%d_%v_turn%d_skew%.0f_cap%.0f", i, spec.Format, spec.Turn, spec.Skew, spec.CapHeight), func(t *testing.T) {
			pg := renderPage(t, spec, uint64(100+i))
			p0 := planeOf(Gray(pg.Image))
			s := detectScale(p0.w, p0.h)
			det := scaleBy(p0, s)
			var sc scratch
			fs := detect(det, sauvolaK, &sc)
			if len(fs) == 0 {
				t.Fatal("no zone")
			}
			src := &source{pyr: &pyramid{levels: []plane{p0}}, scale: float64(p0.w) / float64(det.w)}
			q := pg.Cells[0][0]
			pitch := math.Hypot(q[1].X-q[0].X, q[1].Y-q[0].Y)
			// Every truth line must be a line of one of the best zones,
			// cell for cell, with at most one stray cell more.
			var found [][]pt
			for _, f := range fs[:min(len(fs), 4)] {
				found = append(found, zoneCells(src, f)...)
			}
			for li, tl := range pg.Cells {
				bestMiss, bestLen := len(tl)+1, 0
				for _, fl := range found {
					miss := 0
					for _, c := range tl {
						cx := (c[0].X + c[1].X + c[2].X + c[3].X) / 4
						cy := (c[0].Y + c[1].Y + c[2].Y + c[3].Y) / 4
						d := math.Inf(1)
						for _, g := range fl {
							d = math.Min(d, math.Hypot(g.X-cx, g.Y-cy))
						}
						if d > 0.2*pitch {
							miss++
						}
					}
					if miss < bestMiss {
						bestMiss, bestLen = miss, len(fl)
					}
				}
				if bestMiss > 0 || bestLen > len(tl)+1 && spec.Format != mrz.SwissDrivingLicence {
					t.Errorf("line %d: best match misses %d of %d cells, has %d", li+1, bestMiss, len(tl), bestLen)
				}
			}
		})
	}
}
