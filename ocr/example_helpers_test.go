package ocr_test

import (
	"bytes"
	"image"
	"image/png"
)

// blankPNG is a white 400 x 300 image as a PNG file.
func blankPNG() []byte {
	g := image.NewGray(image.Rect(0, 0, 400, 300))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	var buf bytes.Buffer
	png.Encode(&buf, g)
	return buf.Bytes()
}
