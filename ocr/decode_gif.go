package ocr

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
)

// gifInspect reads a GIF's logical screen. image/gif decodes only the
// first frame (a paletted image within the screen, de-interlaced into a
// copy), which is then laid on a screen-sized image when it does not cover
// the screen: three bytes a screen pixel at most.
func gifInspect(data []byte) (decodeHeader, error) {
	var h decodeHeader
	h.orientation = 1
	if len(data) >= 10 {
		h.width, h.height = int(binary.LittleEndian.Uint16(data[6:])), int(binary.LittleEndian.Uint16(data[8:]))
		if err := decodeCheckSize("gif", h.width, h.height); err != nil {
			return h, err
		}
	}
	cfg, err := decodeConfig("gif", data, gif.DecodeConfig)
	h.width, h.height = cfg.Width, cfg.Height
	if err != nil {
		return h, err
	}
	px := int64(h.width) * int64(h.height)
	h.image, h.work = px, 3*px
	return h, nil
}

// gifDecode decodes the first frame of a GIF and lays it on its logical
// screen when it does not cover it: the rest is transparent (the frame's
// transparent index, or one added to its palette), or the palette's first
// colour when the palette is full and has no transparent entry.
func gifDecode(data []byte, h decodeHeader) (image.Image, error) {
	m, err := gif.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	frame, ok := m.(*image.Paletted)
	screen := image.Rect(0, 0, h.width, h.height)
	if !ok || frame.Rect == screen {
		return m, nil
	}
	pal := frame.Palette
	bg := -1
	for i, c := range pal {
		if c == nil {
			continue
		}
		if _, _, _, a := c.RGBA(); a == 0 {
			bg = i
			break
		}
	}
	if bg < 0 && len(pal) < 256 {
		pal = append(pal[:len(pal):len(pal)], color.RGBA{})
		bg = len(pal) - 1
	}
	out := image.NewPaletted(screen, pal)
	if bg > 0 {
		for i := range out.Pix {
			out.Pix[i] = uint8(bg)
		}
	}
	r := frame.Rect.Intersect(screen)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		copy(out.Pix[out.PixOffset(r.Min.X, y):out.PixOffset(r.Max.X, y)], frame.Pix[frame.PixOffset(r.Min.X, y):])
	}
	return out, nil
}
