package glyph

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"math"
)

// ErrModel is returned by UnmarshalBinary for data that is not a model.
var ErrModel = errors.New("glyph: malformed model data")

const modelMagic = "MRZG\x01"

// MarshalBinary encodes the model with its weights quantised to 8 bits: each
// row of a layer's weights is stored as signed bytes times one scale. The
// encoding of a model decoded from it is the same bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	if !m.valid() {
		return nil, ErrModel
	}
	b := []byte(modelMagic)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(m.Layers)))
	for _, l := range m.Layers {
		b = binary.LittleEndian.AppendUint16(b, uint16(l.In))
		b = binary.LittleEndian.AppendUint16(b, uint16(l.Out))
		for o := 0; o < l.Out; o++ {
			row := l.W[o*l.In : (o+1)*l.In]
			var mx float32
			for _, w := range row {
				mx = max(mx, float32(math.Abs(float64(w))))
			}
			scale := mx / 127
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(scale))
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(l.Bias[o]))
			for _, w := range row {
				q := 0.0
				if scale > 0 {
					q = math.Round(float64(w / scale))
				}
				b = append(b, byte(int8(min(max(q, -127), 127))))
			}
		}
	}
	for _, v := range m.Height.Ratio {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	for _, v := range m.Height.Spread {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Height.Floor))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.Height.Confident))
	return b, nil
}

// UnmarshalBinary decodes a model encoded by MarshalBinary. It refuses
// with ErrModel data that is truncated, too long, of layers that do not
// chain from ShapeLen inputs to NumClasses outputs, or holding a number that
// is not finite.
func (m *Model) UnmarshalBinary(b []byte) error {
	r := reader{b: b}
	if string(r.next(len(modelMagic))) != modelMagic {
		return ErrModel
	}
	var out Model
	n := int(r.u16())
	if n > 8 {
		return ErrModel
	}
	for range n {
		l := Layer{In: int(r.u16()), Out: int(r.u16())}
		if l.In <= 0 || l.In > maxWidth || l.Out <= 0 || l.Out > maxWidth || r.bad {
			return ErrModel
		}
		l.W = make([]float32, l.In*l.Out)
		l.Bias = make([]float32, l.Out)
		for o := 0; o < l.Out; o++ {
			scale := r.f32()
			l.Bias[o] = r.f32()
			row := r.next(l.In)
			if row == nil {
				return ErrModel
			}
			for i, q := range row {
				l.W[o*l.In+i] = float32(int8(q)) * scale
			}
		}
		out.Layers = append(out.Layers, l)
	}
	for i := range out.Height.Ratio {
		out.Height.Ratio[i] = r.f32()
	}
	for i := range out.Height.Spread {
		out.Height.Spread[i] = r.f32()
	}
	out.Height.Floor = r.f32()
	out.Height.Confident = r.f32()
	if r.bad || len(r.b) != 0 || !out.valid() {
		return ErrModel
	}
	out.Prepare()
	*m = out
	return nil
}

type reader struct {
	b   []byte
	bad bool
}

func (r *reader) next(n int) []byte {
	if r.bad || len(r.b) < n {
		r.bad = true
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u16() uint16 {
	if p := r.next(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

// f32 reads a finite float32; anything else makes the data bad.
func (r *reader) f32() float32 {
	if p := r.next(4); p != nil {
		v := math.Float32frombits(binary.LittleEndian.Uint32(p))
		if !math.IsNaN(float64(v)) && !math.IsInf(float64(v), 0) {
			return v
		}
		r.bad = true
	}
	return 0
}

// defaultModel is the trained model of weights_gen.go, decoded once at
// start-up and never changed.
var defaultModel = decodeDefault()

func decodeDefault() *Model {
	b, err := base64.StdEncoding.DecodeString(weightsData)
	m := new(Model)
	if err == nil {
		err = m.UnmarshalBinary(b)
	}
	if err != nil {
		// Only while the weights are being regenerated: ClassifyLine
		// then answers uniform scores.
		return new(Model)
	}
	return m
}

// Default returns the trained model ClassifyLine uses. It is shared: the
// caller must not modify it.
func Default() *Model { return defaultModel }
