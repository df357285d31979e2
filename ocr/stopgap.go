package ocr

// Stopgap until branch ocr-decode lands Decode, decodeGray and Gray: this
// file is deleted when it is merged.

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/gif"  // register GIF
	_ "image/jpeg" // register JPEG
	_ "image/png"  // register PNG
)

func decodeGray(data []byte) (*image.Gray, string, error) {
	img, f, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, f, err
	}
	return Gray(img), f, nil
}

// Gray converts img to gray levels.
func Gray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(b)
	if y, ok := img.(*image.YCbCr); ok {
		for r := b.Min.Y; r < b.Max.Y; r++ {
			copy(g.Pix[(r-b.Min.Y)*g.Stride:], y.Y[y.YOffset(b.Min.X, r):y.YOffset(b.Max.X-1, r)+1])
		}
		return g
	}
	draw.Draw(g, b, img, b.Min, draw.Src)
	return g
}
