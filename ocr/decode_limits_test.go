package ocr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// Decompression bombs and time bombs: files within MaxFileSize and
// MaxPixels whose decoding would still take gigabytes or minutes are
// refused from what their headers and compressed sizes say, before the
// decoder allocates.

// fixJPEGHeader is a JPEG of a frame header and the given scans (each an
// SOS segment without entropy data): enough for the walk and for
// jpeg.DecodeConfig.
func fixJPEGHeader(sof byte, w, h int, comps []byte, scans int) []byte {
	b := []byte{0xff, 0xd8}
	n := len(comps) / 2
	b = append(b, 0xff, sof, 0, byte(8+3*n), 8, byte(h>>8), byte(h), byte(w>>8), byte(w), byte(n))
	for i := 0; i < n; i++ {
		b = append(b, comps[2*i], comps[2*i+1], 0)
	}
	for i := 0; i < scans; i++ {
		b = append(b, 0xff, 0xda, 0, 8, 1, comps[0], 0, 0, 63, 0)
	}
	return append(b, 0xff, 0xd9)
}

func TestDecodeMemoryEstimate(t *testing.T) {
	yuv444 := []byte{1, 0x11, 2, 0x11, 3, 0x11}
	yuv420 := []byte{1, 0x22, 2, 0x11, 3, 0x11}
	gray := []byte{1, 0x11}
	for _, tc := range []struct {
		name    string
		data    []byte
		refused bool // with ErrTooLarge; otherwise the decode fails later, on the missing data
	}{
		// 49 megapixels: 147 MB of planes as baseline, 735 MB with a
		// progressive JPEG's coefficients.
		{"baseline 4:4:4", fixJPEGHeader(0xc0, 7000, 7000, yuv444, 1), false},
		{"progressive 4:4:4", fixJPEGHeader(0xc2, 7000, 7000, yuv444, 1), true},
		{"progressive 4:2:0", fixJPEGHeader(0xc2, 7000, 7000, yuv420, 1), true},
		{"progressive 4:2:0, 30 MP", fixJPEGHeader(0xc2, 6000, 5000, yuv420, 1), false},
		{"progressive gray", fixJPEGHeader(0xc2, 7000, 7000, gray, 1), false},
		{"CMYK", fixJPEGHeader(0xc0, 7000, 7000, []byte{1, 0x11, 2, 0x11, 3, 0x11, 4, 0x11}, 1), true},
		{"16-bit RGBA PNG, 49 MP", fixPNGHeader(7000, 7000, 16, 6, nil), true},
		{"8-bit RGBA PNG, 49 MP", fixPNGHeader(7000, 7000, 8, 6, nil), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for name, decode := range decEntryPoints {
				var err error
				alloc := decAllocatedBy(func() { err = decode(tc.data) })
				if err == nil {
					t.Fatalf("%s: no error", name)
				}
				if errors.Is(err, ErrTooLarge) != tc.refused {
					t.Errorf("%s: %v; refused as too large: %v, want %v", name, err, errors.Is(err, ErrTooLarge), tc.refused)
				}
				if tc.refused && !strings.Contains(err.Error(), "MB to decode, over the 320 MB limit") {
					t.Errorf("%s: %q does not say the memory limit", name, err)
				}
				if tc.refused && alloc > 1<<20 {
					t.Errorf("%s allocated %d bytes to refuse it", name, alloc)
				}
			}
		})
	}
}

// TestDecodeJPEGScans: a JPEG of very many (cheap) scans is refused, as
// image/jpeg would walk every block of the image for each.
func TestDecodeJPEGScans(t *testing.T) {
	gray := []byte{1, 0x11}
	for _, tc := range []struct {
		name    string
		data    []byte
		refused bool
	}{
		{"10 scans", fixJPEGHeader(0xc2, 1000, 1000, gray, 10), false},
		{"1000 scans", fixJPEGHeader(0xc2, 100, 100, gray, 1000), false},
		{"1001 scans", fixJPEGHeader(0xc2, 100, 100, gray, 1001), true},
		{"64 scans of 49 MP", fixJPEGHeader(0xc0, 7000, 7000, gray, 64), false},
		{"70 scans of 49 MP", fixJPEGHeader(0xc0, 7000, 7000, gray, 70), true},
	} {
		_, _, err := Decode(tc.data)
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		if refused := errors.Is(err, ErrTooLarge) && strings.Contains(err.Error(), "scans"); refused != tc.refused {
			t.Errorf("%s: %v, want refused %v", tc.name, err, tc.refused)
		}
	}
}

// TestDecodeTIFFBombs: x/image/tiff inflates a strip into a buffer of up to
// 8 bytes a pixel of the strip (and unpacks PackBits without any bound),
// so a small file of one strip could take gigabytes.
func TestDecodeTIFFBombs(t *testing.T) {
	// 4000x4000 gray: 16 MB of pixels, a strip limit of 128 MB. Deflating
	// and inflating 128 MB takes half a minute under the race detector:
	// there only the cheap cases run.
	const w, h = 4000, 4000
	var deflateBomb, honest []byte
	if !decodeRace {
		zeroBytes := make([]byte, 8*w*h)
		deflateBomb = fixGrayTIFF(w, h, nil, tiffDeflate, fixZlib(t, zeroBytes)) // 128 MB of zeros for 16 MB of pixels
		honest = fixGrayTIFF(w, h, nil, tiffDeflate, fixZlib(t, zeroBytes[:w*h]))
	}
	packBits := bytes.Repeat([]byte{0x81, 0x00}, 200<<20/128) // 200 MB of zeros, in 3 MB
	packBitsBomb := fixGrayTIFF(1000, 1000, nil, tiffPackBits, packBits)
	for _, tc := range []struct {
		name    string
		data    []byte
		refused bool
	}{
		{"deflate bomb", deflateBomb, true},
		{"honest deflate", honest, false},
		{"PackBits bomb", packBitsBomb, true},
		{"many strips", fixManyStripsTIFF(t, tiffMaxBlocks+1), true},
		{"not too many strips", fixManyStripsTIFF(t, 1000), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.data == nil {
				t.Skip("too slow under the race detector")
			}
			var err error
			alloc := decAllocatedBy(func() { _, _, err = decodeGray(tc.data) })
			if refused := errors.Is(err, ErrTooLarge); refused != tc.refused {
				t.Fatalf("%v, want refused %v", err, tc.refused)
			}
			if tc.refused && alloc > 4<<20 {
				t.Errorf("allocated %d bytes to refuse it", alloc)
			}
			if !tc.refused && err != nil {
				t.Errorf("an honest file: %v", err)
			}
		})
	}
	// The cheap bound (compressed size × the most deflate inflates) is
	// replaced by the inflated size when it is too high.
	if honest == nil {
		return
	}
	ifd, ok := exifReadIFD0(honest)
	if !ok {
		t.Fatal("IFD")
	}
	cheap, err := tiffBlockBuffer(ifd, honest, w, h, 0)
	if err != nil {
		t.Fatal(err)
	}
	exact, err := tiffBlockBuffer(ifd, honest, w, h, MaxDecodeMemory)
	if err != nil {
		t.Fatal(err)
	}
	if exact != 3*w*h || cheap < exact {
		t.Errorf("strip buffer: cheap bound %d, inflated %d; want the inflated %d under the bound", cheap, exact, 3*w*h)
	}
}

// fixManyStripsTIFF is a 1×n gray TIFF of n deflated one-row strips.
func fixManyStripsTIFF(t testing.TB, n int) []byte {
	one := fixZlib(t, []byte{7})
	var counts, strips []byte
	for i := 0; i < n; i++ {
		counts = binary.LittleEndian.AppendUint32(counts, uint32(len(one)))
		strips = append(strips, one...)
	}
	entries := []fixTIFFEntry{
		{tiffTagImageWidth, 4, 1, 1}, {tiffTagImageLength, 4, 1, uint32(n)}, {tiffTagBitsPerSample, 3, 1, 8},
		{tiffTagCompression, 3, 1, tiffDeflate}, {262, 3, 1, 1}, {tiffTagStripOffsets, 4, uint32(n), 0},
		{tiffTagSamplesPerPixel, 3, 1, 1}, {tiffTagRowsPerStrip, 4, 1, 1}, {tiffTagStripByteCounts, 4, uint32(n), 0},
	}
	offsets := make([]byte, 4*n)
	head := fixEXIFTIFFExt(binary.LittleEndian, entries, map[uint16][]byte{tiffTagStripOffsets: offsets, tiffTagStripByteCounts: counts})
	at := 8 + 2 + 12*len(entries) + 4 // the offsets come first after the IFD
	for i := 0; i < n; i++ {
		binary.LittleEndian.PutUint32(head[at+4*i:], uint32(len(head)+i*len(one)))
	}
	return append(head, strips...)
}
