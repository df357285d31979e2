package ocr

import "math"

// Classifying a line more than once: a classifier is sometimes sure of a
// wrong character and unsure of a right one when the cells fall a little
// off. When some cell of a line is read with less than augmentBelow, the
// line is classified again with its cells moved by a fraction of the pitch
// and their height changed a little, and the probabilities of the three
// readings averaged: a character that stays the most probable however the
// cell falls is read with more confidence, one that does not with less.
// The readings are averaged geometrically (their log-probabilities), which
// keeps a class that one reading rules out unlikely.

const augmentBelow = 0.95

// augmentations are the moves tried: along the line and in height, in
// fractions of the pitch and of the cell's height.
var augmentations = [...]struct{ dx, dh float64 }{{-0.08, 0.05}, {0.08, -0.05}}

// classifyCells classifies the cells qs of strip st, and reports for each
// whether its most probable character stayed the same in every reading
// (true when it was read once).
func classifyCells(classify classifier, st *strip, qs []quad) ([]scores, []bool) {
	img := st.p.gray()
	out := make([]scores, len(qs))
	stable := make([]bool, len(qs))
	for i := range stable {
		stable[i] = true
	}
	classify(img, qs, out)
	sure := true
	for i := range out {
		if _, p := out[i].Best(); p < augmentBelow {
			sure = false
			break
		}
	}
	if sure {
		return out, stable
	}
	sum := make([][37]float64, len(qs))
	add := func(s []scores) {
		for i := range s {
			for k, v := range s[i] {
				sum[i][k] += math.Log(math.Max(float64(v), 1e-9))
			}
		}
	}
	add(out)
	moved := make([]quad, len(qs))
	tmp := make([]scores, len(qs))
	for _, a := range augmentations {
		for i, q := range qs {
			moved[i] = moveQuad(q, a.dx*st.sp, a.dh)
		}
		classify(img, moved, tmp)
		add(tmp)
		for i := range tmp {
			a, _ := tmp[i].Best()
			b, _ := out[i].Best()
			if a != b {
				stable[i] = false
			}
		}
	}
	n := float64(1 + len(augmentations))
	for i := range out {
		var z float64
		for k := range sum[i] {
			sum[i][k] = math.Exp(sum[i][k] / n)
			z += sum[i][k]
		}
		for k := range out[i] {
			out[i][k] = float32(sum[i][k] / z)
		}
	}
	return out, stable
}

// moveQuad shifts q by dx pixels along x and scales its height by 1+dh
// about its middle.
func moveQuad(q quad, dx, dh float64) quad {
	var out quad
	for k := range q {
		out[k] = q[k]
		out[k].X += dx
	}
	for _, pair := range [2][2]int{{0, 3}, {1, 2}} {
		t, b := out[pair[0]], out[pair[1]]
		mid := (t.Y + b.Y) / 2
		out[pair[0]].Y = mid + (t.Y-mid)*(1+dh)
		out[pair[1]].Y = mid + (b.Y-mid)*(1+dh)
	}
	return out
}
