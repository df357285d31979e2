package ocr

import "math"

// Detection: the image is brought to a working size, binarized, cut into
// components, and the components are chained into lines and the lines
// grouped into zones, in both frames (lines along the image's x and along
// its y).

// Detection sizes: the long side of the image the lines are found on.
// Small images are enlarged (characters of 8 pixels become 16) and large
// ones reduced, so that characters are found at a few tens of pixels.
const (
	detectMaxSide = 1600
	detectMinSide = 900
	maxUpscale    = 2.0
)

// detectScale returns the factor from the image as given to the detection
// image.
func detectScale(w, h int) float64 {
	long := float64(max(w, h))
	switch {
	case long > detectMaxSide:
		return detectMaxSide / long
	case long < detectMinSide:
		return math.Min(maxUpscale, detectMinSide/long)
	}
	return 1
}

// scratch holds the buffers of one reading.
type scratch struct {
	lab   labeler
	mask  []uint8
	smask []uint8
}

// found is a zone with the grid of each of its lines.
type found struct {
	frame int
	z     zone
	grid  []gridLine
}

// detect finds the candidate MRZ zones of the detection image p, best
// first, binarizing with Sauvola's k.
func detect(p plane, k float64, sc *scratch) []found {
	r := max(7, min(30, max(p.w, p.h)/60))
	sc.mask = binarize(p, r, k, sc.mask)
	cs := sc.lab.label(sc.mask, p.w, p.h)
	lim := chainLimits{minH: 4, maxH: float64(max(p.w, p.h)) / 20}
	var out []found
	var grid *compGrid
	for frame := 0; frame < 2; frame++ {
		var ls []*line
		for _, ch := range chains(cs, frame, lim, 6) {
			l, ok := fitLine(cs, ch, frameDir(frame))
			if !ok || l.rms > maxRMS {
				continue
			}
			if grid == nil {
				grid = newCompGrid(cs, p.w, p.h, math.Max(8, lim.maxH/2))
			}
			l.extend(cs, grid)
			ls = append(ls, &l)
		}
		ls = joinLines(ls, cs)
		for _, z := range zones(ls) {
			out = append(out, found{frame, z, gridOf(z, cs)})
		}
	}
	// Best zones of both frames first.
	sortFound(out)
	return out
}

func sortFound(fs []found) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].z.score > fs[j-1].z.score; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// gridOf returns the grid of each line of z: its own fit when it covers
// most of the zone, else the fit of the zone's longest line moved onto it.
func gridOf(z zone, cs []comp) []gridLine {
	ref := 0
	for i, l := range z.lines {
		if l.cells > z.lines[ref].cells {
			ref = i
		}
	}
	r := z.lines[ref]
	ext := z.k1 - z.k0 + 1
	g := make([]gridLine, len(z.lines))
	for i, l := range z.lines {
		if float64(l.cells) >= 0.6*float64(ext) {
			g[i] = gridLine{l: l, shift: float64(z.offset[i])}
			continue
		}
		// Mean normal offset of l's members from r's centre line.
		// and along it (the shear of the page), in pitches.
		var sn, sd float64
		var n int
		for _, m := range l.members {
			c := cs[m.comp].centroid()
			k := float64(m.first+m.last)/2 + float64(z.offset[i]-z.offset[ref])
			rel := c.sub(r.point(k, 0))
			sn += rel.dot(r.n) / r.pitch(k)
			sd += rel.dot(r.d) / r.pitch(k)
			n++
		}
		n = max(n, 1)
		g[i] = gridLine{l: r, shift: float64(z.offset[ref]) - sd/float64(n), dv: sn / float64(n)}
	}
	return g
}
