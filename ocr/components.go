package ocr

// comp is a connected component of ink (8-connected): its bounding box
// (x1 and y1 exclusive), its number of pixels, and the sums of its pixel
// coordinates and their products, from which its centroid and its spread
// in any direction follow.
type comp struct {
	x0, y0, x1, y1 int32
	area           int32
	sx, sy         float64
	sxx, syy, sxy  float64
}

func (c *comp) w() int32 { return c.x1 - c.x0 }
func (c *comp) h() int32 { return c.y1 - c.y0 }

// centroid returns the mean of the component's pixel centres.
func (c *comp) centroid() pt {
	a := float64(c.area)
	return pt{c.sx/a + 0.5, c.sy/a + 0.5}
}

// spread returns the variance of the component's pixels along the unit
// vector d.
func (c *comp) spread(d pt) float64 {
	a := float64(c.area)
	mx, my := c.sx/a, c.sy/a
	vxx := c.sxx/a - mx*mx
	vyy := c.syy/a - my*my
	vxy := c.sxy/a - mx*my
	return d.X*d.X*vxx + 2*d.X*d.Y*vxy + d.Y*d.Y*vyy
}

type run struct {
	y, x0, x1 int32 // x1 exclusive
	parent    int32
}

// labeler finds the connected components of a mask; it keeps its buffers
// between calls.
type labeler struct {
	runs  []run
	comps []comp
	index []int32 // root run -> component
}

func (l *labeler) find(i int32) int32 {
	for l.runs[i].parent != i {
		l.runs[i].parent = l.runs[l.runs[i].parent].parent
		i = l.runs[i].parent
	}
	return i
}

func (l *labeler) union(a, b int32) {
	a, b = l.find(a), l.find(b)
	if a == b {
		return
	}
	if a < b {
		l.runs[b].parent = a
	} else {
		l.runs[a].parent = b
	}
}

// label returns the components of the w x h mask (non-zero is ink). The
// slice is valid until the next call.
func (l *labeler) label(mask []uint8, w, h int) []comp {
	l.runs = l.runs[:0]
	prevStart, prevEnd := 0, 0
	for y := 0; y < h; y++ {
		row := mask[y*w : (y+1)*w]
		start := len(l.runs)
		for x := 0; x < w; {
			if row[x] == 0 {
				x++
				continue
			}
			x0 := x
			for x < w && row[x] != 0 {
				x++
			}
			id := int32(len(l.runs))
			l.runs = append(l.runs, run{int32(y), int32(x0), int32(x), id})
			// 8-connectivity: runs of the previous row that overlap
			// [x0-1, x+1).
			for j := prevStart; j < prevEnd; j++ {
				p := l.runs[j]
				if p.x1 < int32(x0) {
					prevStart = j + 1 // no later run of this row reaches it
					continue
				}
				if p.x0 > int32(x) {
					break
				}
				l.union(id, int32(j))
			}
		}
		prevStart, prevEnd = start, len(l.runs)
	}
	l.comps = l.comps[:0]
	if cap(l.index) < len(l.runs) {
		l.index = make([]int32, len(l.runs))
	}
	l.index = l.index[:len(l.runs)]
	for i := range l.runs {
		r := l.find(int32(i))
		var c *comp
		if r == int32(i) {
			l.index[i] = int32(len(l.comps))
			l.comps = append(l.comps, comp{x0: 1 << 30, y0: 1 << 30, x1: -1, y1: -1})
		}
		c = &l.comps[l.index[r]]
		u := l.runs[i]
		n := float64(u.x1 - u.x0)
		fy := float64(u.y)
		a, b := float64(u.x0), float64(u.x1-1)
		sx := n * (a + b) / 2
		// sum of x² for x = a..b
		sxx := (b*(b+1)*(2*b+1) - (a-1)*a*(2*a-1)) / 6
		c.area += u.x1 - u.x0
		c.sx += sx
		c.sy += n * fy
		c.sxx += sxx
		c.syy += n * fy * fy
		c.sxy += sx * fy
		c.x0 = min(c.x0, u.x0)
		c.x1 = max(c.x1, u.x1)
		c.y0 = min(c.y0, u.y)
		c.y1 = max(c.y1, u.y+1)
	}
	return l.comps
}
