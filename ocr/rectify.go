package ocr

import "math"

// Rectifying: each line of an MRZ is resampled into an upright strip, the
// text reading left to right at a fixed pitch, so that the cells the
// classifier reads are axis-aligned boxes whatever the skew, the quarter
// turn and the perspective of the page.

// gridLine is a line of a zone as it is read: cell k of the zone (k from
// zone.k0) lies at l.point(k-shift, v+dv).
type gridLine struct {
	l     *line
	shift float64
	dv    float64 // normal offset from l's centre line, in pitches
}

func (g gridLine) point(k, v float64) pt { return g.l.point(k-g.shift, v+g.dv) }

// pyramid is the image as given (in gray levels) and halved copies of it,
// made when a strip needs them, so that a large image is sampled without
// aliasing.
type pyramid struct {
	levels []plane
}

func (p *pyramid) level(i int) plane {
	for len(p.levels) <= i {
		l := p.levels[len(p.levels)-1]
		if l.w < 2 || l.h < 2 {
			return l
		}
		p.levels = append(p.levels, downscale(l, l.w/2, l.h/2))
	}
	return p.levels[i]
}

// source is what strips are sampled from: the pyramid, and the scale of
// the detection image lines were found on.
type source struct {
	pyr   *pyramid
	scale float64 // detection pixels to pixels of the image as given
}

func (s *source) level(i int) plane { return s.pyr.level(i) }

// Strip geometry, in strip pixels and pitches.
const (
	stripMinPitch = 8.0
	stripMaxPitch = 36.0 // and at most this many
	stripHalf     = 1.2  // rows from -stripHalf to +stripHalf pitches about the centre line
)

// strip is one line resampled upright.
type strip struct {
	p    plane
	sp   float64 // pitch in strip pixels
	k0   int     // zone cell of the strip's first cell
	n    int     // cells in the strip
	g    gridLine
	flip bool    // the strip is turned half a turn: it reads the line backwards
	lv   float64 // detection pixels to pixels of the sampled level
	img  float64 // detection pixels to pixels of the image as given
}

// sampleStrip resamples cells [k0, k0+n) of g from src. flip samples it
// turned half a turn, for reading the page upside down.
func sampleStrip(src *source, g gridLine, k0, n int, flip bool, buf []uint8) strip {
	// Pitch of the line in pixels of the image as given.
	pimg := g.l.meanPitch() * src.scale
	sp := math.Min(math.Max(pimg, stripMinPitch), stripMaxPitch)
	lv := 0
	for pimg/math.Pow(2, float64(lv+1)) >= sp && lv < 6 {
		lv++
	}
	pl := src.level(lv)
	ls := src.scale / math.Pow(2, float64(lv)) // detection pixels to level pixels
	w := int(math.Round(float64(n) * sp))
	h := int(math.Round(2 * stripHalf * sp))
	if cap(buf) < w*h {
		buf = make([]uint8, w*h)
	}
	s := strip{p: plane{w, h, buf[:w*h]}, sp: sp, k0: k0, n: n, g: g, flip: flip, lv: ls, img: src.scale}
	for y := 0; y < h; y++ {
		v := (float64(y)+0.5)/sp - stripHalf
		for x := 0; x < w; x++ {
			k := float64(k0) - 0.5 + (float64(x)+0.5)/sp
			q := g.point(k, v)
			val := pl.bilinear(q.X*ls, q.Y*ls)
			i := y*w + x
			if flip {
				i = (h-1-y)*w + (w - 1 - x)
			}
			s.p.pix[i] = uint8(val + 0.5)
		}
	}
	return s
}

// toImage maps a point of the strip (in strip pixels) to pixels of the
// image as given.
func (s *strip) toImage(x, y float64) pt {
	if s.flip {
		x, y = float64(s.p.w)-x, float64(s.p.h)-y
	}
	k := float64(s.k0) - 0.5 + x/s.sp
	v := y/s.sp - stripHalf
	return s.g.point(k, v).mul(s.img)
}
