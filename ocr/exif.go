package ocr

import "encoding/binary"

// EXIF metadata is a TIFF structure: a byte-order mark, a first image file
// directory (IFD0) of 12-byte entries, values inline or at offsets. The same
// reader serves the APP1 "Exif" segment of a JPEG and a TIFF file itself.
// It reads IFD0 only, checks every offset and count against the data, and
// never loops or allocates in proportion to what the data claims.

// TIFF tags the package reads.
const (
	tiffTagImageWidth      = 256
	tiffTagImageLength     = 257
	tiffTagBitsPerSample   = 258
	tiffTagCompression     = 259
	tiffTagStripOffsets    = 273
	tiffTagOrientation     = 274
	tiffTagSamplesPerPixel = 277
	tiffTagRowsPerStrip    = 278
	tiffTagStripByteCounts = 279
	tiffTagTileWidth       = 322
	tiffTagTileLength      = 323
	tiffTagTileOffsets     = 324
	tiffTagTileByteCounts  = 325
)

// exifIFD is IFD0 of a TIFF structure.
type exifIFD struct {
	data    []byte // the whole TIFF structure: offsets count from its start
	order   binary.ByteOrder
	entries []byte // the entries, 12 bytes each, bounds-checked
}

// exifReadIFD0 reads the header and IFD0 of a TIFF structure. ok is false
// when the header is not TIFF's or IFD0 lies outside the data.
func exifReadIFD0(data []byte) (ifd exifIFD, ok bool) {
	if len(data) < 8 {
		return ifd, false
	}
	switch string(data[:4]) {
	case "II*\x00":
		ifd.order = binary.LittleEndian
	case "MM\x00*":
		ifd.order = binary.BigEndian
	default:
		return ifd, false
	}
	off := uint64(ifd.order.Uint32(data[4:8]))
	if off < 8 || off+2 > uint64(len(data)) {
		return ifd, false
	}
	n := uint64(ifd.order.Uint16(data[off:]))
	start := off + 2
	if end := start + 12*n; end > uint64(len(data)) {
		n = (uint64(len(data)) - start) / 12 // a short IFD: read the entries that are there
	}
	ifd.data = data
	ifd.entries = data[start : start+12*n]
	return ifd, true
}

// exifTypeSize is the byte size of the TIFF field types holding unsigned
// integers: BYTE, SHORT, LONG (and 0 for the others, which are not read).
func exifTypeSize(typ uint16) int {
	switch typ {
	case 1:
		return 1
	case 3:
		return 2
	case 4:
		return 4
	}
	return 0
}

// field returns the values of the last entry with the tag (the one
// x/image/tiff keeps) as a reader of unsigned integers: count values, and
// get(i) for 0 <= i < count. ok is false when the tag is absent, not of an
// integer type, or its values lie outside the data.
func (ifd exifIFD) field(tag uint16) (count int, get func(i int) uint64, ok bool) {
	var e []byte
	for rest := ifd.entries; len(rest) >= 12; rest = rest[12:] {
		if ifd.order.Uint16(rest) == tag {
			e = rest[:12]
		}
	}
	if e == nil {
		return 0, nil, false
	}
	size := exifTypeSize(ifd.order.Uint16(e[2:]))
	n := uint64(ifd.order.Uint32(e[4:]))
	if size == 0 || n == 0 {
		return 0, nil, false
	}
	var vals []byte
	if total := n * uint64(size); total <= 4 {
		vals = e[8 : 8+total]
	} else {
		off := uint64(ifd.order.Uint32(e[8:]))
		if off+total > uint64(len(ifd.data)) {
			return 0, nil, false
		}
		vals = ifd.data[off : off+total]
	}
	order := ifd.order
	get = func(i int) uint64 {
		switch size {
		case 1:
			return uint64(vals[i])
		case 2:
			return uint64(order.Uint16(vals[2*i:]))
		}
		return uint64(order.Uint32(vals[4*i:]))
	}
	return int(n), get, true
}

// first returns the first value of a tag, or def when it is absent.
func (ifd exifIFD) first(tag uint16, def uint64) uint64 {
	if n, get, ok := ifd.field(tag); ok && n > 0 {
		return get(0)
	}
	return def
}

// orientation returns IFD0's Orientation tag, or 1 (as stored) when it is
// absent or out of range.
func (ifd exifIFD) orientation() exifOrientation {
	if o := ifd.first(tiffTagOrientation, 1); o >= 1 && o <= 8 {
		return exifOrientation(o)
	}
	return 1
}

// exifOrientationOf returns the Orientation of an EXIF payload (the APP1
// segment of a JPEG after its "Exif\0\0" header), 1 when there is none.
func exifOrientationOf(tiffData []byte) exifOrientation {
	ifd, ok := exifReadIFD0(tiffData)
	if !ok {
		return 1
	}
	return ifd.orientation()
}
