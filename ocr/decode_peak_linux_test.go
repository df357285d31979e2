package ocr

import (
	"encoding/binary"
	"fmt"
	"image"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The bound: decoding a 15 MB JPEG peaks under 400 MB.
const decPeakLimit = 400 << 20

// TestDecodeGrayPeakMemory measures the peak memory of decodeGray in a
// child process (the test binary itself, run again), as the high-water
// mark of its resident set (VmHWM of /proc/self/status): everything the
// process held, the 15 MB file it read included. (The rusage of the child
// will not do: Linux counts into it the resident set of the process it was
// forked from, before exec.) The cases are a JPEG of noise
// just under MaxFileSize (about 10 megapixels), upright and turned by its
// EXIF orientation, and the largest colour JPEG within MaxPixels
// (8660x5770, 4:2:0), turned. It takes some seconds to build the files:
// -short and the race detector skip it.
//
//	go test ./ocr -run TestDecodeGrayPeakMemory -v
func TestDecodeGrayPeakMemory(t *testing.T) {
	if testing.Short() || decodeRace {
		t.Skip("builds JPEGs of up to 50 megapixels: skipped with -short and under the race detector")
	}
	dir := t.TempDir()
	noisy := fixNoisyJPEG(t, MaxFileSize)
	t.Logf("noisy JPEG: %d bytes (%.1f MB)", len(noisy), float64(len(noisy))/(1<<20))
	large := fixJPEG(t, fixGradientYCbCr(8660, 5770), 75)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"15 MB noisy JPEG", noisy},
		{"15 MB noisy JPEG, EXIF orientation 6", fixWithEXIF(noisy, 6, binary.BigEndian)},
		{"50 MP JPEG, EXIF orientation 6", fixWithEXIF(large, 6, binary.BigEndian)},
	} {
		if len(tc.data) > MaxFileSize {
			t.Fatalf("%s: %d bytes, over MaxFileSize", tc.name, len(tc.data))
		}
		path := filepath.Join(dir, "peak.jpg")
		if err := os.WriteFile(path, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestDecodeGrayPeakMemoryChild$")
		cmd.Env = append(os.Environ(), "OCR_DECODE_PEAK_FILE="+path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: child: %v\n%s", tc.name, err, out)
		}
		var w, h int
		var peak int64
		if _, err := fmt.Sscanf(string(out), "decoded %dx%d, VmHWM %d kB", &w, &h, &peak); err != nil {
			t.Fatalf("%s: child said %q: %v", tc.name, out, err)
		}
		peak <<= 10
		t.Logf("%s: %dx%d, peak RSS %.0f MB", tc.name, w, h, float64(peak)/(1<<20))
		if peak > decPeakLimit {
			t.Errorf("%s: peak RSS %d MB, over %d MB", tc.name, peak>>20, decPeakLimit>>20)
		}
	}
}

// TestDecodeGrayPeakMemoryChild is the child of TestDecodeGrayPeakMemory:
// it decodes the file it is given and says what it got.
func TestDecodeGrayPeakMemoryChild(t *testing.T) {
	path := os.Getenv("OCR_DECODE_PEAK_FILE")
	if path == "" {
		t.Skip("run by TestDecodeGrayPeakMemory")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g, _, err := decodeGray(data)
	if err != nil {
		t.Fatal(err)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	_, hwm, ok := strings.Cut(string(status), "VmHWM:")
	if !ok {
		t.Fatal("no VmHWM in /proc/self/status")
	}
	fmt.Printf("decoded %dx%d, VmHWM %s kB\n", g.Rect.Dx(), g.Rect.Dy(), strings.Fields(hwm)[0])
}

// fixNoisyJPEG encodes colour noise at quality 98 (about 1.5 bytes a pixel)
// to a file just under limit bytes: its size is measured on a strip, the
// height set from it, and trimmed until the file fits.
func fixNoisyJPEG(t *testing.T, limit int) []byte {
	const w = 3600
	rng := rand.New(rand.NewPCG(21, 22))
	noise := func(h int) *image.RGBA {
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		for i := 0; i+8 <= len(m.Pix); i += 8 {
			binary.LittleEndian.PutUint64(m.Pix[i:], rng.Uint64()|0xff000000ff000000)
		}
		return m
	}
	strip := fixJPEG(t, noise(256), 98)
	h := int(float64(limit) * 0.97 / (float64(len(strip)) / 256))
	for {
		data := fixJPEG(t, noise(h), 98)
		if len(data) <= limit {
			return data
		}
		h = h * 97 / 100
	}
}

// fixGradientYCbCr is a large smooth 4:2:0 image, quick to build and encode.
func fixGradientYCbCr(w, h int) *image.YCbCr {
	m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for y := 0; y < h; y++ {
		row := m.Y[y*m.YStride : y*m.YStride+w]
		for x := range row {
			row[x] = uint8((x + y) >> 5)
		}
	}
	for i := range m.Cb {
		m.Cb[i], m.Cr[i] = 110, 140
	}
	return m
}
