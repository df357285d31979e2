package ocr

import (
	"bytes"
	"encoding/binary"
	"image"

	"golang.org/x/image/webp"
)

// webpInfo is what a walk over a WebP's RIFF chunks learns, up to its
// first image chunk (where x/image/webp stops too).
type webpInfo struct {
	canvas         bool // a VP8X chunk gave a canvas size
	canvasW        int
	canvasH        int
	animated       bool
	alpha          bool // an ALPH chunk
	alphaLossless  bool // compressed with VP8L
	frame          string
	frameW, frameH int
}

func webpWalk(data []byte) webpInfo {
	var info webpInfo
	for off := 12; off+8 <= len(data); {
		id := string(data[off : off+4])
		n := int64(binary.LittleEndian.Uint32(data[off+4:]))
		p := data[off+8 : off+8+int(min(n, int64(len(data)-off-8)))]
		switch id {
		case "VP8X":
			if len(p) >= 10 {
				info.canvas = true
				info.animated = p[0]&0x02 != 0
				info.canvasW = int(uint32(p[4])|uint32(p[5])<<8|uint32(p[6])<<16) + 1
				info.canvasH = int(uint32(p[7])|uint32(p[8])<<8|uint32(p[9])<<16) + 1
			}
		case "ANIM", "ANMF":
			info.animated = true
		case "ALPH":
			info.alpha = true
			info.alphaLossless = len(p) > 0 && p[0]&0x03 == 1
		case "VP8 ":
			if len(p) >= 10 {
				info.frame = id
				info.frameW = int(binary.LittleEndian.Uint16(p[6:]) & 0x3fff)
				info.frameH = int(binary.LittleEndian.Uint16(p[8:]) & 0x3fff)
			}
			return info
		case "VP8L":
			if len(p) >= 5 {
				info.frame = id
				bits := binary.LittleEndian.Uint32(p[1:])
				info.frameW = int(bits&0x3fff) + 1
				info.frameH = int(bits>>14&0x3fff) + 1
			}
			return info
		}
		off += 8 + int(min(n+n&1, int64(len(data))))
	}
	return info
}

// webpInspect reads a WebP's canvas and first image chunk. A lossy image
// decodes to 4:2:0 YCbCr padded to whole macroblocks (plus an alpha plane,
// itself decoded from a lossless image when compressed); a lossless image
// to NRGBA, through a second buffer when its colours are indexed.
func webpInspect(data []byte) (decodeHeader, error) {
	h := decodeHeader{orientation: 1}
	info := webpWalk(data)
	if info.animated {
		return h, decodeErrorf("webp", ErrUnsupportedFormat, "animated WebP images are not supported")
	}
	h.width, h.height = info.frameW, info.frameH
	if info.canvas {
		h.width, h.height = info.canvasW, info.canvasH
	}
	if info.canvas || info.frame != "" {
		if err := decodeCheckSize("webp", h.width, h.height); err != nil {
			return h, err
		}
	}
	if info.canvas && info.frame != "" && (info.frameW != info.canvasW || info.frameH != info.canvasH) {
		// x/image/webp would size the alpha plane by the canvas and the
		// colours by the frame.
		return h, decodeErrorf("webp", ErrInvalidImage, "corrupt WebP: its frame and canvas sizes differ")
	}
	cfg, err := decodeConfig("webp", data, webp.DecodeConfig)
	h.width, h.height = cfg.Width, cfg.Height
	if err != nil {
		return h, err
	}
	if info.frame == "" {
		return h, decodeErrorf("webp", ErrInvalidImage, "corrupt WebP: no image data")
	}
	px := int64(h.width) * int64(h.height)
	if info.frame == "VP8L" {
		h.image, h.work = 4*px, 8*px
		h.upright = h.image
		return h, nil
	}
	mbs := int64((h.width+15)/16) * int64((h.height+15)/16)
	h.image = 384 * mbs // Y, Cb, Cr of 16x16, 8x8, 8x8 bytes a macroblock
	h.work = h.image + 64*mbs
	switch {
	case info.alpha && info.alphaLossless:
		h.image += px
		h.work += 9 * px
	case info.alpha:
		h.image += px
		h.work += px
	default:
		h.grayFree = true
	}
	h.upright = h.image
	return h, nil
}

func webpDecode(data []byte, _ decodeHeader) (image.Image, error) {
	return webp.Decode(bytes.NewReader(data))
}
