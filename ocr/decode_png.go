package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/png"
)

// pngInspect reads a PNG's IHDR (and looks for a tRNS chunk before the
// image data, which turns a gray or truecolour PNG into NRGBA) to size the
// image image/png allocates; an interlaced PNG is decoded pass by pass
// into a second image of the same size.
func pngInspect(data []byte) (decodeHeader, error) {
	var h decodeHeader
	h.orientation = 1
	if len(data) < 33 || string(data[12:16]) != "IHDR" {
		if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
			return h, decodeFailure("png", err)
		}
		return h, decodeErrorf("png", ErrInvalidImage, "corrupt PNG: no IHDR chunk")
	}
	w, ht := binary.BigEndian.Uint32(data[16:]), binary.BigEndian.Uint32(data[20:])
	depth, ctype, interlaced := data[24], data[25], data[28] == 1
	// PNG dimensions are at most 2^31-1; larger ones are corrupt, and
	// image/png says so below.
	h.width, h.height = int(min(w, 1<<31-1)), int(min(ht, 1<<31-1))
	if err := decodeCheckSize("png", h.width, h.height); err != nil {
		return h, err
	}
	if _, err := decodeConfig("png", data, png.DecodeConfig); err != nil {
		return h, err
	}
	trns := false
	for off := 8; off+8 <= len(data); {
		n := int64(binary.BigEndian.Uint32(data[off:]))
		typ := string(data[off+4 : off+8])
		if typ == "IDAT" {
			break
		}
		trns = trns || typ == "tRNS"
		if next := int64(off) + 12 + n; next <= int64(len(data)) {
			off = int(next)
		} else {
			break
		}
	}
	bpp := int64(4)
	switch {
	case ctype == 3:
		bpp = 1
	case ctype == 0 && !trns:
		bpp = 1
	}
	if depth == 16 {
		bpp *= 2
	}
	px := int64(h.width) * int64(h.height)
	h.image = bpp * px
	h.work = h.image + 2*(8*int64(h.width)+1) // two rows of filter state
	if interlaced {
		h.work += h.image
	}
	h.grayFree = ctype == 0 && depth <= 8 && !trns
	return h, nil
}

func pngDecode(data []byte, _ decodeHeader) (image.Image, error) {
	return png.Decode(bytes.NewReader(data))
}
