package glyph_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/glyph"
)

// TestModelEncoding checks that the committed weights decode into a model,
// that encoding it again gives the same bytes, and that the decoded copy
// reads as the default model does.
func TestModelEncoding(t *testing.T) {
	m := glyph.Default()
	if len(m.Layers) == 0 {
		t.Fatal("the committed weights do not decode (regenerate them: go generate ./ocr/internal/glyph)")
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var c glyph.Model
	if err := c.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	b2, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Error("encoding a decoded model changes its bytes")
	}
	f := loadFont(t)
	img, cells := cleanLine(f, "I<UTOD231458907<<<<<<<<<<<<<<<", 18, 0)
	want := make([]glyph.Scores, len(cells))
	got := make([]glyph.Scores, len(cells))
	glyph.ClassifyLine(img, cells, want)
	c.ClassifyLine(img, cells, got)
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("cell %d: the decoded copy scores differently", i)
		}
	}
}

func TestModelDecodeErrors(t *testing.T) {
	good, err := glyph.Default().MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"magic only", good[:5]},
		{"wrong magic", append([]byte("MRZX\x01"), good[5:]...)},
		{"truncated", good[:len(good)/2]},
		{"one byte short", good[:len(good)-1]},
		{"trailing byte", append(append([]byte{}, good...), 0)},
		{"zero layers", append(append([]byte{}, good[:5]...), 0, 0)},
		{"huge layer", append(append([]byte{}, good[:5]...), 1, 0, 0xff, 0xff, 0xff, 0xff)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var m glyph.Model
			if err := m.UnmarshalBinary(tc.data); !errors.Is(err, glyph.ErrModel) {
				t.Errorf("err = %v, want ErrModel", err)
			}
		})
	}
}

// TestInvalidModel checks that a model that is not one answers uniform
// scores rather than panicking.
func TestInvalidModel(t *testing.T) {
	for _, m := range []*glyph.Model{nil, {}, {Layers: []glyph.Layer{{In: 3, Out: 37}}}} {
		out := make([]glyph.Scores, 3)
		m.ClassifyLine(filled(50, 20, 0), row(3, 0, 0, 10, 10), out)
		checkScores(t, out)
		if _, err := m.MarshalBinary(); !errors.Is(err, glyph.ErrModel) {
			t.Errorf("MarshalBinary of an invalid model: err = %v, want ErrModel", err)
		}
	}
}

func FuzzModelDecode(f *testing.F) {
	good, err := glyph.Default().MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:100])
	f.Fuzz(func(t *testing.T, b []byte) {
		var m glyph.Model
		if m.UnmarshalBinary(b) != nil {
			return
		}
		// A model that decodes encodes again, its weights kept to within
		// half a step of their quantisation, and classifies.
		again, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var m2 glyph.Model
		if err := m2.UnmarshalBinary(again); err != nil {
			t.Fatal(err)
		}
		for li, l := range m.Layers {
			l2 := m2.Layers[li]
			for o := range l.Out {
				var mx float64
				for _, w := range l.W[o*l.In : (o+1)*l.In] {
					mx = max(mx, math.Abs(float64(w)))
				}
				for i := o * l.In; i < (o+1)*l.In; i++ {
					if d := math.Abs(float64(l.W[i] - l2.W[i])); d > mx/127/2*1.001 {
						t.Fatalf("layer %d weight %d: %v became %v", li, i, l.W[i], l2.W[i])
					}
				}
				if l.Bias[o] != l2.Bias[o] {
					t.Fatalf("layer %d bias %d: %v became %v", li, o, l.Bias[o], l2.Bias[o])
				}
			}
		}
		out := make([]glyph.Scores, 2)
		m2.ClassifyLine(filled(30, 20, 100), row(2, 1, 1, 8, 10), out)
		checkScores(t, out)
	})
}
