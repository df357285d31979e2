package glyph

import (
	"image"
	"math"
)

// Model is a trained character classifier: a small dense network that
// scores a cell's shape, and the height cue that weighs its classes by how
// well their heights fit the cell's. A Model is read-only once built and
// safe for concurrent use.
type Model struct {
	// Layers are applied in order to the cell's Shape, with a rectified
	// linear unit between two layers; the last one gives NumClasses logits.
	Layers []Layer
	// Height is the height cue.
	Height HeightCue

	// first is the first layer's weights transposed (In rows of Out), set
	// by Prepare: most of a cell is paper, whose samples are 0, and this
	// layout lets the first layer skip them.
	first []float32
}

// Prepare readies a model built in code for fast classification; call it
// once the layers are set, before the model is shared. A model without it
// classifies the same, more slowly. UnmarshalBinary calls it.
func (m *Model) Prepare() {
	m.first = nil
	if !m.valid() {
		return
	}
	l := m.Layers[0]
	t := make([]float32, l.In*l.Out)
	for o := range l.Out {
		for i := range l.In {
			t[i*l.Out+o] = l.W[o*l.In+i]
		}
	}
	m.first = t
}

// Layer is a dense layer: Out outputs, each Bias[o] plus the dot product of
// row o of W (Out rows of In weights) with the input.
type Layer struct {
	In, Out int
	W       []float32
	Bias    []float32
}

// maxWidth bounds the width of a layer's input or output.
const maxWidth = 1024

// valid reports whether the layers chain from ShapeLen inputs to NumClasses
// outputs with weights of the right sizes.
func (m *Model) valid() bool {
	if m == nil || len(m.Layers) == 0 {
		return false
	}
	in := ShapeLen
	for _, l := range m.Layers {
		if l.In != in || l.Out <= 0 || l.Out > maxWidth || len(l.W) != l.In*l.Out || len(l.Bias) != l.Out {
			return false
		}
		in = l.Out
	}
	return in == NumClasses
}

// Logits writes the network's logits for one shape into out.
func (m *Model) Logits(shape *[ShapeLen]float32, out *[NumClasses]float32) {
	var bufA, bufB [maxWidth]float32
	x := shape[:]
	for li, l := range m.Layers {
		y := bufA[:l.Out]
		if li%2 == 1 {
			y = bufB[:l.Out]
		}
		if li == 0 && len(m.first) == l.In*l.Out {
			copy(y, l.Bias)
			for i, v := range x {
				if v != 0 {
					Axpy(y, v, m.first[i*l.Out:(i+1)*l.Out])
				}
			}
		} else {
			for o := 0; o < l.Out; o++ {
				y[o] = l.Bias[o] + Dot(l.W[o*l.In:(o+1)*l.In], x)
			}
		}
		if li < len(m.Layers)-1 {
			for o := range y {
				y[o] = max(y[o], 0)
			}
		}
		x = y
	}
	copy(out[:], x)
}

// softmax turns logits into probabilities that sum to 1.
func softmax(logits *[NumClasses]float32, out *Scores) {
	mx := logits[0]
	for _, v := range logits {
		if v > mx {
			mx = v
		}
	}
	if math.IsNaN(float64(mx)) || math.IsInf(float64(mx), 0) {
		uniform(out)
		return
	}
	var sum float64
	var e [NumClasses]float64
	for i, v := range logits {
		e[i] = math.Exp(float64(v - mx))
		sum += e[i]
	}
	for i := range e {
		out[i] = float32(e[i] / sum)
	}
}

func uniform(out *Scores) {
	for i := range out {
		out[i] = 1.0 / NumClasses
	}
}

// ClassifyLine is ClassifyLine with this model.
func (m *Model) ClassifyLine(img *image.Gray, cells []Quad, out []Scores) {
	n := min(len(cells), len(out))
	for i := n; i < len(out); i++ {
		uniform(&out[i])
	}
	if n == 0 {
		return
	}
	if !m.valid() {
		for i := range out[:n] {
			uniform(&out[i])
		}
		return
	}
	var la lineAnalysis
	la.analyse(img, cells[:n])
	var f Features
	var logits [NumClasses]float32
	for i := 0; i < n; i++ {
		la.features(i, &f)
		m.Logits(&f.Shape, &logits)
		softmax(&logits, &out[i])
	}
	m.Height.apply(&la, out[:n])
}
