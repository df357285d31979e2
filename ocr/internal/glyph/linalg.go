package glyph

// Dot returns the dot product of a and b (len(b) >= len(a)). Every product
// is rounded on its own (no fused multiply-add), so that the trainer, which
// uses it too, gives the same weights on every machine.
func Dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += float32(a[i] * b[i])
		s1 += float32(a[i+1] * b[i+1])
		s2 += float32(a[i+2] * b[i+2])
		s3 += float32(a[i+3] * b[i+3])
	}
	for ; i < len(a); i++ {
		s0 += float32(a[i] * b[i])
	}
	return (s0 + s1) + (s2 + s3)
}

// Axpy adds a times x to y (len(x) >= len(y)), rounding every product on
// its own.
func Axpy(y []float32, a float32, x []float32) {
	x = x[:len(y)]
	i := 0
	for ; i+4 <= len(y); i += 4 {
		yy, xx := y[i:i+4:i+4], x[i:i+4:i+4]
		yy[0] += float32(a * xx[0])
		yy[1] += float32(a * xx[1])
		yy[2] += float32(a * xx[2])
		yy[3] += float32(a * xx[3])
	}
	for ; i < len(y); i++ {
		y[i] += float32(a * x[i])
	}
}
