package ocr

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"io"

	"golang.org/x/image/tiff"
	"golang.org/x/image/tiff/lzw"
)

// TIFF compression schemes x/image/tiff decodes.
const (
	tiffNone        = 1
	tiffCCITT       = 2
	tiffG3          = 3
	tiffG4          = 4
	tiffLZW         = 5
	tiffDeflate     = 8
	tiffPackBits    = 32773
	tiffDeflateOld  = 32946
	tiffMaxBlocks   = 1 << 16 // compressed strips or tiles: each costs a decompressor (~10 µs)
	tiffReadChunk   = 10 << 20
	tiffLZWRatio    = 3641 // the most bytes an LZW code of 9 bits can stand for, per byte
	tiffDeflateRate = 1032 // the most bytes deflate inflates one byte into
)

// tiffInspect reads a TIFF's IFD0 (its Orientation tag is applied, as most
// viewers do; x/image/tiff ignores it) and estimates what x/image/tiff will
// allocate: the image, the decoded values of its tags, and the buffer one
// strip or tile is inflated into (up to 8 bytes a pixel of the strip,
// whatever the image's depth, so a deflate or PackBits bomb in a single
// strip would otherwise take gigabytes).
func tiffInspect(data []byte) (decodeHeader, error) {
	h := decodeHeader{orientation: 1}
	if string(data[:4]) == "II+\x00" || string(data[:4]) == "MM\x00+" {
		return h, decodeErrorf("tiff", ErrUnsupportedFormat, "BigTIFF images are not supported")
	}
	ifd, ok := exifReadIFD0(data)
	if ok {
		h.orientation = ifd.orientation()
		w, ht := ifd.first(tiffTagImageWidth, 0), ifd.first(tiffTagImageLength, 0)
		if w > 0 && ht > 0 {
			h.width, h.height = int(min(w, 1<<31-1)), int(min(ht, 1<<31-1))
			if err := decodeCheckSize("tiff", h.width, h.height); err != nil {
				return h, err
			}
		}
	}
	cfg, err := decodeConfig("tiff", data, tiff.DecodeConfig)
	h.width, h.height = cfg.Width, cfg.Height
	if err != nil {
		return h, err
	}
	px := int64(h.width) * int64(h.height)
	bpp := int64(8)
	if _, paletted := cfg.ColorModel.(color.Palette); paletted {
		bpp = 1
	} else {
		switch cfg.ColorModel {
		case color.GrayModel:
			bpp, h.grayFree = 1, true
		case color.Gray16Model:
			bpp = 2
		case color.RGBAModel, color.NRGBAModel:
			bpp = 4
		}
	}
	h.image, h.upright = bpp*px, bpp*px
	tags := 4 * int64(len(data)) // tag values as []uint: 8 bytes for every 2 of data at most
	block := 3 * 8 * px          // not knowing the strips: assume one, inflated to its limit
	if ok {
		block, err = tiffBlockBuffer(ifd, data, h.width, h.height, h.image+tags)
		if err != nil {
			return h, err
		}
	}
	h.work = h.image + tags + block
	return h, nil
}

// tiffBlockBuffer estimates the most memory x/image/tiff takes for the
// buffer of one strip or tile: three times the block's data (the buffer
// grows by doubling while the old one is still held). A cheap bound from
// the compressed size comes first; when it would exceed MaxDecodeMemory
// (with the rest of the decode, given), the deflate and LZW blocks are
// inflated once, counting bytes, to learn their real sizes.
func tiffBlockBuffer(ifd exifIFD, data []byte, w, h int, rest int64) (int64, error) {
	bl, ok := tiffBlocksOf(ifd, w, h)
	if !ok {
		return 0, nil // x/image/tiff refuses it
	}
	compressed := bl.compression != tiffNone && bl.compression != 0
	if compressed && bl.n > tiffMaxBlocks {
		return 0, &FormatError{Format: "tiff", Err: ErrTooLarge, Width: w, Height: h,
			Reason: fmt.Sprintf("TIFF of %d compressed strips or tiles would take too long to decode", bl.n)}
	}
	est := bl.most(data, false)
	if rest+est > MaxDecodeMemory && (bl.compression == tiffLZW || bl.compression == tiffDeflate || bl.compression == tiffDeflateOld) {
		est = bl.most(data, true)
	}
	return est, nil
}

// tiffBlocks is how a TIFF's pixels are cut into strips or tiles.
type tiffBlocks struct {
	w, h            int // the block's size in pixels
	imageH          int
	n               int64 // blocks
	offsets, counts func(i int) uint64
	compression     uint64
	lim             int64 // the most bytes x/image/tiff reads of a block
}

// tiffBlocksOf reads the strips or tiles of an image of w×h pixels from its
// IFD; ok is false when x/image/tiff refuses them (tiles under 8 pixels,
// fewer offsets or byte counts than blocks: "inconsistent header").
func tiffBlocksOf(ifd exifIFD, w, h int) (bl tiffBlocks, ok bool) {
	blockW, blockH, across, down := w, h, 1, 1
	offTag, cntTag := uint16(tiffTagStripOffsets), uint16(tiffTagStripByteCounts)
	if tw := ifd.first(tiffTagTileWidth, 0); tw != 0 {
		blockW, blockH = int(min(tw, 1<<31-1)), int(min(ifd.first(tiffTagTileLength, 0), 1<<31-1))
		if blockW < 8 || blockH < 8 {
			return bl, false
		}
		across, down = (w+blockW-1)/blockW, (h+blockH-1)/blockH
		offTag, cntTag = tiffTagTileOffsets, tiffTagTileByteCounts
	} else if rps := ifd.first(tiffTagRowsPerStrip, 0); rps != 0 {
		blockH = int(min(rps, 1<<31-1))
		down = (h + blockH - 1) / blockH
	}
	n := int64(across) * int64(down)
	nOff, offsets, ok1 := ifd.field(offTag)
	nCnt, counts, ok2 := ifd.field(cntTag)
	if !ok1 || !ok2 || int64(nOff) < n || int64(nCnt) < n {
		return bl, false
	}
	lim := min(int64(blockW), 1<<31) * min(int64(blockH), 1<<31) * 8
	return tiffBlocks{w: blockW, h: blockH, imageH: h, n: n, offsets: offsets, counts: counts,
		compression: ifd.first(tiffTagCompression, tiffNone), lim: max(lim, 0)}, true
}

// most returns three times the largest buffer a block takes (see size).
func (bl *tiffBlocks) most(data []byte, exact bool) int64 {
	m := int64(0)
	for i := 0; i < int(bl.n); i++ {
		m = max(m, bl.size(data, i, exact))
	}
	return 3 * m
}

// size returns the buffer x/image/tiff reads block i into: its data when
// uncompressed, and otherwise what it decompresses to, bounded from the
// compressed size or, when exact (for LZW and deflate), counted.
func (bl *tiffBlocks) size(data []byte, i int, exact bool) int64 {
	off, cnt := bl.offsets(i), bl.counts(i)
	avail := int64(0)
	if off < uint64(len(data)) {
		avail = int64(min(cnt, uint64(len(data))-off))
	}
	src := data[min(off, uint64(len(data))):][:avail]
	switch bl.compression {
	case tiffNone, 0:
		if cnt < tiffReadChunk {
			return int64(cnt) // allocated whole, before reading
		}
		return tiffReadChunk + 2*avail
	case tiffCCITT, tiffG3, tiffG4:
		return min(bl.lim, int64((bl.w+7)/8)*int64(min(bl.h, bl.imageH)))
	case tiffLZW:
		if exact {
			return tiffInflated(lzw.NewReader(bytes.NewReader(src), lzw.MSB, 8), bl.lim)
		}
		return min(bl.lim, avail*tiffLZWRatio+64)
	case tiffDeflate, tiffDeflateOld:
		if exact {
			r, err := zlib.NewReader(bytes.NewReader(src))
			if err != nil {
				return 0
			}
			return tiffInflated(r, bl.lim)
		}
		return min(bl.lim, avail*tiffDeflateRate+64)
	case tiffPackBits:
		return tiffPackBitsSize(src) // not limited by x/image/tiff
	}
	return 0 // x/image/tiff refuses the compression
}

// tiffInflated counts the bytes r yields, up to lim, without keeping them.
func tiffInflated(r io.Reader, lim int64) int64 {
	n, _ := io.Copy(io.Discard, io.LimitReader(r, lim))
	if c, ok := r.(io.Closer); ok {
		c.Close()
	}
	return n
}

// tiffPackBitsSize is the length of the PackBits data in src once unpacked.
func tiffPackBitsSize(src []byte) int64 {
	n := int64(0)
	for i := 0; i < len(src); {
		code := int(int8(src[i]))
		switch {
		case code >= 0:
			n += int64(min(code+1, len(src)-i-1))
			i += code + 2
		case code == -128:
			i++
		default:
			if i+1 < len(src) {
				n += int64(1 - code)
			}
			i += 2
		}
	}
	return n
}

func tiffDecode(data []byte, _ decodeHeader) (image.Image, error) {
	return tiff.Decode(bytes.NewReader(data))
}
