package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"

	"golang.org/x/image/bmp"
)

// bmpInspect reads a BMP's size from its header (a negative height is a
// top-down image) and its colour model from x/image/bmp: paletted images
// take a byte a pixel, the others four.
func bmpInspect(data []byte) (decodeHeader, error) {
	var h decodeHeader
	h.orientation = 1
	if len(data) >= 26 && binary.LittleEndian.Uint32(data[14:]) >= 40 {
		w := int64(int32(binary.LittleEndian.Uint32(data[18:])))
		ht := int64(int32(binary.LittleEndian.Uint32(data[22:])))
		h.width, h.height = int(w), int(max(ht, -ht))
		if err := decodeCheckSize("bmp", h.width, h.height); err != nil {
			return h, err
		}
	}
	cfg, err := decodeConfig("bmp", data, bmp.DecodeConfig)
	h.width, h.height = cfg.Width, cfg.Height
	if err != nil {
		return h, err
	}
	px := int64(h.width) * int64(h.height)
	bpp := int64(4)
	if _, ok := cfg.ColorModel.(color.Palette); ok {
		bpp = 1
	}
	h.image = bpp * px
	h.work = h.image + 4*int64(h.width) + 4 // a row buffer
	return h, nil
}

func bmpDecode(data []byte, _ decodeHeader) (image.Image, error) {
	return bmp.Decode(bytes.NewReader(data))
}
