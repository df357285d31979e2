package ocr

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"slices"
	"testing"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// Fixtures are built in code: every test image is a few hundred bytes made
// from a pattern whose pixels the tests know.

// fixQuadrants returns a w×h image of four flat quadrants of the given colours
// (top-left, top-right, bottom-left, bottom-right).
func fixQuadrants(w, h int, c [4]color.NRGBA) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			m.SetNRGBA(x, y, c[q])
		}
	}
	return m
}

// fixGrayQuadrants is fixQuadrants of four gray levels.
func fixGrayQuadrants(w, h int, v [4]uint8) *image.NRGBA {
	var c [4]color.NRGBA
	for i, g := range v {
		c[i] = color.NRGBA{g, g, g, 255}
	}
	return fixQuadrants(w, h, c)
}

// fixFourColours: black, red, green, white: two values a channel, so the tiny
// VP8L writer below can encode them.
var fixFourColours = [4]color.NRGBA{{0, 0, 0, 255}, {255, 0, 0, 255}, {0, 255, 0, 255}, {255, 255, 255, 255}}

func fixJPEG(t testing.TB, m image.Image, quality int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixPNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixGIF(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixTIFF(t testing.TB, m image.Image, c tiff.CompressionType) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := tiff.Encode(&b, m, &tiff.Options{Compression: c}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func fixBMP(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := bmp.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fixWithEXIF inserts after a JPEG's SOI an APP1 Exif segment whose IFD0
// holds one Orientation entry, in the given byte order.
func fixWithEXIF(jpg []byte, orientation uint16, order fixTIFFOrder) []byte {
	return fixWithAPP1(jpg, fixEXIFTIFF(order, []fixTIFFEntry{{tiffTagOrientation, 3, 1, uint32(orientation)}}))
}

// fixWithAPP1 inserts an APP1 Exif segment holding the given TIFF structure.
func fixWithAPP1(jpg, tiffData []byte) []byte {
	seg := append([]byte("Exif\x00\x00"), tiffData...)
	out := append([]byte{}, jpg[:2]...)
	out = append(out, 0xff, 0xe1, byte((len(seg)+2)>>8), byte(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// fixTIFFOrder is a byte order that can append.
type fixTIFFOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// fixTIFFEntry is an IFD entry with an inline value (SHORT or LONG, count 1).
type fixTIFFEntry struct {
	tag, typ uint16
	count    uint32
	value    uint32
}

// fixEXIFTIFF builds a TIFF header and an IFD0 of the given entries.
func fixEXIFTIFF(order fixTIFFOrder, entries []fixTIFFEntry) []byte {
	return fixEXIFTIFFExt(order, entries, nil)
}

// fixEXIFTIFFExt is fixEXIFTIFF with the values of some tags stored after the
// IFD: ext[tag] replaces the value of the tag's entry with an offset.
func fixEXIFTIFFExt(order fixTIFFOrder, entries []fixTIFFEntry, ext map[uint16][]byte) []byte {
	var b []byte
	if order == binary.ByteOrder(binary.LittleEndian) {
		b = append(b, "II*\x00"...)
	} else {
		b = append(b, "MM\x00*"...)
	}
	b = order.AppendUint32(b, 8)
	b = order.AppendUint16(b, uint16(len(entries)))
	extOff := uint32(8 + 2 + 12*len(entries) + 4)
	var values []byte
	for _, e := range entries {
		b = order.AppendUint16(b, e.tag)
		b = order.AppendUint16(b, e.typ)
		b = order.AppendUint32(b, e.count)
		switch v, ok := ext[e.tag]; {
		case ok:
			b = order.AppendUint32(b, extOff+uint32(len(values)))
			values = append(values, v...)
		case e.typ == 3 && e.count == 1:
			b = order.AppendUint16(b, uint16(e.value))
			b = order.AppendUint16(b, 0)
		default:
			b = order.AppendUint32(b, e.value)
		}
	}
	b = order.AppendUint32(b, 0) // no next IFD
	return append(b, values...)
}

// fixGrayTIFF writes an 8-bit gray TIFF by hand (x/image/tiff writes no
// Orientation tag): one strip of the given compression and data, and any
// extra entries. A nil strip stores pix uncompressed.
func fixGrayTIFF(w, h int, pix []byte, compression uint32, strip []byte, extra ...fixTIFFEntry) []byte {
	if strip == nil {
		strip = pix
	}
	order := binary.LittleEndian
	entries := []fixTIFFEntry{
		{tiffTagImageWidth, 4, 1, uint32(w)},
		{tiffTagImageLength, 4, 1, uint32(h)},
		{tiffTagBitsPerSample, 3, 1, 8},
		{tiffTagCompression, 3, 1, compression},
		{262, 3, 1, 1},                 // PhotometricInterpretation: black is zero
		{tiffTagStripOffsets, 4, 1, 0}, // patched below
		{tiffTagSamplesPerPixel, 3, 1, 1},
		{tiffTagRowsPerStrip, 4, 1, uint32(h)},
		{tiffTagStripByteCounts, 4, 1, uint32(len(strip))},
	}
	entries = append(entries, extra...)
	slices.SortStableFunc(entries, func(a, b fixTIFFEntry) int { return int(a.tag) - int(b.tag) }) // as TIFF wants
	head := fixEXIFTIFF(order, entries)
	for i, e := range entries {
		if e.tag == tiffTagStripOffsets {
			order.PutUint32(head[10+12*i+8:], uint32(len(head)))
		}
	}
	return append(head, strip...)
}

// fixZlib compresses data.
func fixZlib(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z, _ := zlib.NewWriterLevel(&b, zlib.BestSpeed)
	if _, err := z.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fixPNGHeader is a PNG of the given IHDR and one IDAT of the given data,
// with valid CRCs: enough for DecodeConfig, whatever it claims.
func fixPNGHeader(w, h uint32, depth, ctype byte, idat []byte) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
		start := len(b)
		b = append(b, typ...)
		b = append(b, data...)
		b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
	}
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, depth, ctype, 0, 0, 0)
	chunk("IHDR", ihdr)
	chunk("IDAT", idat)
	chunk("IEND", nil)
	return b
}

// fixBitWriter packs bits least significant first, as VP8L reads them.
type fixBitWriter struct {
	b     []byte
	acc   uint64
	nbits uint
}

func (w *fixBitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.b = append(w.b, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

func (w *fixBitWriter) bytes() []byte {
	if w.nbits > 0 {
		w.b = append(w.b, byte(w.acc))
	}
	return w.b
}

// fixVP8L writes a lossless WebP of m by hand (x/image has no WebP
// encoder), in the simplest form the format allows: no transform, no
// colour cache, one group of "simple" prefix codes, each channel holding at
// most two values (one bit a channel a pixel, none when it is constant).
// It fails the test when a channel of m takes more than two values.
func fixVP8L(t testing.TB, m *image.NRGBA) []byte {
	t.Helper()
	w, h := m.Rect.Dx(), m.Rect.Dy()
	// VP8L channel order: green, red, blue, alpha.
	chans := [4]int{1, 0, 2, 3}
	var values [4][]uint8
	for c, off := range chans {
		seen := map[uint8]bool{}
		for i := off; i < len(m.Pix); i += 4 {
			seen[m.Pix[i]] = true
		}
		for v := 0; v < 256; v++ {
			if seen[uint8(v)] {
				values[c] = append(values[c], uint8(v))
			}
		}
		if len(values[c]) > 2 {
			t.Fatalf("fixVP8L: channel %d takes %d values, at most 2 allowed", off, len(values[c]))
		}
	}
	var bw fixBitWriter
	bw.write(0x2f, 8)
	bw.write(uint64(w-1), 14)
	bw.write(uint64(h-1), 14)
	bw.write(1, 1) // alpha is used
	bw.write(0, 3) // version
	bw.write(0, 1) // no transform
	bw.write(0, 1) // no colour cache
	bw.write(0, 1) // no meta prefix codes
	simple := func(syms []uint8) {
		bw.write(1, 1) // simple code
		bw.write(uint64(len(syms)-1), 1)
		bw.write(1, 1) // first symbol in 8 bits
		bw.write(uint64(syms[0]), 8)
		if len(syms) == 2 {
			bw.write(uint64(syms[1]), 8)
		}
	}
	for _, v := range values {
		simple(v)
	}
	simple([]uint8{0}) // distance codes: unused
	for i := 0; i < len(m.Pix); i += 4 {
		for c, off := range chans {
			if len(values[c]) == 2 {
				bw.write(uint64(fixBtoi(m.Pix[i+off] == values[c][1])), 1)
			}
		}
	}
	return fixRIFFWebP("VP8L", bw.bytes())
}

func fixBtoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fixRIFFWebP wraps chunks (id, payload, id, payload, ...) in a RIFF WEBP file.
func fixRIFFWebP(chunks ...any) []byte {
	var body []byte
	body = append(body, "WEBP"...)
	for i := 0; i < len(chunks); i += 2 {
		id, data := chunks[i].(string), chunks[i+1].([]byte)
		body = append(body, id...)
		body = binary.LittleEndian.AppendUint32(body, uint32(len(data)))
		body = append(body, data...)
		if len(data)%2 == 1 {
			body = append(body, 0)
		}
	}
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...)
	return append(out, body...)
}
