package ocr

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
)

// JPEG limits beyond size: image/jpeg decodes every scan of a progressive
// JPEG over all of its blocks, and a scan of nothing but end-of-band runs
// takes a few bytes, so a small file could otherwise hold a million scans.
const (
	jpegMaxScans      = 1000
	jpegMaxScanPixels = 64 * MaxPixels // scans × pixels: 64 scans of the largest image
)

// jpegInfo is what a walk over a JPEG's markers learns.
type jpegInfo struct {
	sof         bool // a frame header was found
	progressive bool
	width       int
	height      int
	nComp       int
	comps       [4]struct{ id, h, v int }
	jfif        bool
	adobe       bool // an Adobe APP14 segment was found
	adobeXform  byte // its colour transform
	exif        bool // an EXIF APP1 segment was found
	orientation exifOrientation
	scans       int
}

// jpegWalk walks the markers of a JPEG as image/jpeg reads them (junk and
// fill bytes between segments skipped, entropy-coded data skipped to the
// next marker), recording the first frame header, the JFIF, Adobe and EXIF
// segments and the number of scans. It stops at the end of the image, of
// the data, or at a segment that runs past the data.
func jpegWalk(data []byte) jpegInfo {
	info := jpegInfo{orientation: 1}
	i := 2 // after SOI
	for {
		m, next, ok := jpegNextMarker(data, i)
		if !ok || m == 0xd9 { // the end of the data, EOI
			return info
		}
		i = next
		if jpegStandalone(m) {
			continue
		}
		seg, next, ok := jpegSegment(data, i)
		if !ok {
			return info
		}
		i = next
		if m == 0xda { // SOS
			info.scans++
			i = jpegSkipEntropy(data, i)
			continue
		}
		info.readSegment(m, seg)
	}
}

// jpegNextMarker returns the marker at or after i, junk and fill bytes
// before it skipped, and the offset after it; ok is false when the data
// ends first.
func jpegNextMarker(data []byte, i int) (m byte, next int, ok bool) {
	for i < len(data) && data[i] != 0xff {
		i++
	}
	for i < len(data) && data[i] == 0xff {
		i++
	}
	if i >= len(data) {
		return 0, i, false
	}
	return data[i], i + 1, true
}

// jpegStandalone reports whether marker m has no segment: a stuffed byte,
// TEM, RSTn.
func jpegStandalone(m byte) bool { return m == 0x00 || m == 0x01 || m >= 0xd0 && m <= 0xd7 }

// jpegSegment returns the segment whose length field starts at i, without
// it, and the offset after the segment; ok is false when the length is
// invalid or runs past the data.
func jpegSegment(data []byte, i int) (seg []byte, next int, ok bool) {
	if i+2 > len(data) {
		return nil, i, false
	}
	n := int(data[i])<<8 | int(data[i+1])
	if n < 2 || i+n > len(data) {
		return nil, i, false
	}
	return data[i+2 : i+n], i + n, true
}

// readSegment records what the segment of marker m tells: the first frame
// header (SOFn), a JFIF APP0, the first EXIF APP1's orientation, an Adobe
// APP14's colour transform.
func (info *jpegInfo) readSegment(m byte, seg []byte) {
	switch {
	case m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc: // SOFn
		if !info.sof {
			info.readSOF(m, seg)
		}
	case m == 0xe0: // APP0
		info.jfif = info.jfif || bytes.HasPrefix(seg, []byte("JFIF\x00"))
	case m == 0xe1: // APP1
		if !info.exif && bytes.HasPrefix(seg, []byte("Exif\x00\x00")) {
			info.exif = true
			info.orientation = exifOrientationOf(seg[6:])
		}
	case m == 0xee: // APP14
		if len(seg) >= 12 && bytes.HasPrefix(seg, []byte("Adobe")) {
			info.adobe, info.adobeXform = true, seg[11]
		}
	}
}

// readSOF reads a frame header, as image/jpeg does: a single component's
// sampling counts as 1x1.
func (info *jpegInfo) readSOF(marker byte, seg []byte) {
	if len(seg) < 6 {
		return
	}
	n := int(seg[5])
	if n < 1 || n > 4 || len(seg) < 6+3*n {
		return
	}
	info.sof = true
	info.progressive = marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce
	info.height = int(seg[1])<<8 | int(seg[2])
	info.width = int(seg[3])<<8 | int(seg[4])
	info.nComp = n
	for c := 0; c < n; c++ {
		hv := seg[7+3*c]
		h, v := max(int(hv>>4), 1), max(int(hv&0x0f), 1)
		if n == 1 {
			h, v = 1, 1
		}
		info.comps[c].id, info.comps[c].h, info.comps[c].v = int(seg[6+3*c]), h, v
	}
}

// jpegSkipEntropy returns the offset of the marker that ends the
// entropy-coded data starting at i (len(data) when there is none).
func jpegSkipEntropy(data []byte, i int) int {
	for {
		k := bytes.IndexByte(data[i:], 0xff)
		if k < 0 {
			return len(data)
		}
		j := i + k + 1
		if j >= len(data) {
			return len(data)
		}
		switch m := data[j]; {
		case m == 0x00, m >= 0xd0 && m <= 0xd7: // a stuffed 0xff, a restart marker: still data
			i = j + 1
		case m == 0xff: // fill bytes before a marker
			i = j
		default:
			return i + k
		}
	}
}

// isRGB says whether image/jpeg decodes this 3-component JPEG as RGB
// (into an *image.RGBA) rather than YCbCr.
func (info *jpegInfo) isRGB() bool {
	if info.jfif {
		return false
	}
	if info.adobe && info.adobeXform == 0 {
		return true
	}
	return info.comps[0].id == 'R' && info.comps[1].id == 'G' && info.comps[2].id == 'B'
}

// jpegInspect reads a JPEG's header and estimates what image/jpeg will
// allocate: its planes (padded to whole MCUs), the coefficients of every
// block when progressive, and the RGBA or CMYK image an RGB or 4-component
// JPEG is converted into.
func jpegInspect(data []byte) (decodeHeader, error) {
	info := jpegWalk(data)
	h := decodeHeader{orientation: info.orientation}
	if info.sof {
		h.width, h.height = info.width, info.height
		if err := decodeCheckSize("jpeg", h.width, h.height); err != nil {
			return h, err
		}
	}
	cfg, err := decodeConfig("jpeg", data, jpeg.DecodeConfig)
	h.width, h.height = cfg.Width, cfg.Height
	if err != nil {
		return h, err
	}
	px := int64(h.width) * int64(h.height)
	if info.scans > jpegMaxScans || int64(info.scans)*px > jpegMaxScanPixels {
		return h, &FormatError{Format: "jpeg", Err: ErrTooLarge, Width: h.width, Height: h.height,
			Reason: fmt.Sprintf("JPEG of %d scans over %dx%d pixels would take too long to decode", info.scans, h.width, h.height)}
	}
	if !info.sof || info.width != cfg.Width || info.height != cfg.Height {
		// Our walk and image/jpeg disagree: assume the worst (progressive,
		// three full-size components, converted to RGBA).
		h.work = px * (3 + 3*4 + 4)
		h.image, h.upright = 4*px, 4*px
		return h, nil
	}
	h0, v0 := info.comps[0].h, info.comps[0].v
	mxx := int64((h.width + 8*h0 - 1) / (8 * h0))
	myy := int64((h.height + 8*v0 - 1) / (8 * v0))
	var planes, coeffs int64
	for c := 0; c < info.nComp; c++ {
		blocks := mxx * myy * int64(info.comps[c].h*info.comps[c].v)
		planes += 64 * blocks
		if info.progressive {
			coeffs += 256 * blocks // a [64]int32 per block
		}
	}
	h.work = planes + coeffs
	switch {
	case info.nComp == 1:
		h.image, h.upright, h.grayFree = planes, px, true
	case info.nComp == 3 && !info.isRGB():
		h.image, h.upright, h.grayFree = planes, 3*px, true // a 4:4:4 copy at worst
	default: // RGB, CMYK, YCbCrK: converted into 4 bytes a pixel
		h.work += 4 * px
		h.image, h.upright = 4*px, 4*px
	}
	return h, nil
}

func jpegDecode(data []byte, _ decodeHeader) (image.Image, error) {
	return jpeg.Decode(bytes.NewReader(data))
}
