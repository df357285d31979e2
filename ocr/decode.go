package ocr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
)

// Limits on the input of Decode, DecodeReader and the readers built on
// them. Input beyond them is refused with ErrTooLarge before any pixel is
// decoded, so that a hostile or broken file cannot take unbounded memory
// or time.
const (
	// MaxFileSize is the largest file accepted, in bytes (15 MiB).
	MaxFileSize = 15 << 20

	// MaxPixels is the largest image accepted, in width*height as its
	// header claims (50 megapixels; a 12-megapixel phone photo is well
	// within it).
	MaxPixels = 50_000_000

	// MaxDecodeMemory bounds the memory decoding may take, in bytes (320
	// MiB), as estimated from the header before decoding: the decoder's
	// own buffers (the coefficients of a progressive JPEG, a TIFF strip's
	// inflated data, ...), the decoded image and the upright copy. Most
	// images within MaxPixels are far below it; it refuses the few whose
	// decoding costs many bytes per pixel (a 50-megapixel progressive or
	// CMYK JPEG, a 16-bit PNG or TIFF near MaxPixels), which keeps the
	// peak memory of a decode under 400 MB.
	MaxDecodeMemory = 320 << 20
)

// Decode decodes an image file, sniffing its format from its first bytes:
// JPEG, PNG and GIF with the standard library, TIFF, BMP and WebP with
// golang.org/x/image (called directly, whatever else the program
// registers with image.RegisterFormat). It returns the image as a viewer
// shows it, and the format's name ("jpeg", "png", "gif", "tiff", "bmp",
// "webp"):
//
//   - a JPEG's EXIF Orientation and a TIFF's Orientation tag are applied:
//     the image is turned and mirrored upright (its type kept where it can
//     be; a chroma-subsampled JPEG may come back as 4:4:4 YCbCr);
//   - a GIF gives its first frame, on its logical screen (areas the frame
//     does not cover are transparent, or of the palette's first colour when
//     a full palette has no transparent one); an animated WebP is refused.
//
// Input is checked before decoding: over MaxFileSize bytes, a header
// claiming over MaxPixels pixels, a decode estimated over MaxDecodeMemory
// or too long (a JPEG of over 1000 scans, or of more scans than 64 of the
// largest image; a TIFF of over 65536 compressed strips or tiles) give
// ErrTooLarge; HEIC, AVIF, PDF, JPEG XL, JPEG 2000 and
// unknown bytes give ErrUnsupportedFormat; empty, truncated, corrupt and
// 0x0 images give ErrInvalidImage (so does a panic inside a decoder, a bug
// of it on some corrupt file, which is contained). Every error is a
// *FormatError naming the format, in words that never quote the input; the
// format returned with an error is the sniffed one ("" when unknown).
//
// Decode is safe for concurrent use.
func Decode(data []byte) (image.Image, string, error) {
	img, h, err := decodeImage(data, false)
	if err != nil {
		return nil, h.format, err
	}
	return exifOrientImage(img, h.orientation), h.format, nil
}

// DecodeReader reads at most MaxFileSize+1 bytes from r and decodes them
// with Decode. A longer input is refused with ErrTooLarge without reading
// the rest; an error of r is returned wrapped.
func DecodeReader(r io.Reader) (image.Image, string, error) {
	data, err := decodeReadLimited(r)
	if err != nil {
		return nil, "", err
	}
	return Decode(data)
}

// decodeReadLimited reads r up to MaxFileSize+1 bytes.
func decodeReadLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("ocr: reading the image: %w", err)
	}
	return data, nil
}

// decodeGray decodes an image file straight to its luminance, upright: what
// the reader works on. It checks and refuses as Decode does, and keeps the
// peak memory low: the Y plane of a JPEG (or the pixels of a gray image) is
// used as it is, without a copy when the orientation is 1, and no RGBA copy
// is ever made. The result may share memory with the decoded image, which
// nobody else holds.
func decodeGray(data []byte) (*image.Gray, string, error) {
	img, h, err := decodeImage(data, true)
	if err != nil {
		return nil, h.format, err
	}
	return exifOrientGray(grayOf(img, true), h.orientation), h.format, nil
}

// decodeHeader is what a format's inspection learns before decoding.
type decodeHeader struct {
	format        string
	width, height int
	orientation   exifOrientation

	work     int64 // bytes decoding takes at its peak, the image it returns included
	image    int64 // bytes of the image it returns
	upright  int64 // bytes of that image's upright copy, when the orientation turns it
	grayFree bool  // the decoded image is a *image.Gray or opaque *image.YCbCr: its luminance is a view
}

// decodeCodec is one supported format.
type decodeCodec struct {
	// inspect reads the header: size, orientation, cost. Its errors are
	// *FormatError.
	inspect func(data []byte) (decodeHeader, error)
	// decode decodes the pixels; its errors are the decoder's own.
	decode func(data []byte, h decodeHeader) (image.Image, error)
}

func decodeCodecOf(format string) (decodeCodec, bool) {
	switch format {
	case "jpeg":
		return decodeCodec{jpegInspect, jpegDecode}, true
	case "png":
		return decodeCodec{pngInspect, pngDecode}, true
	case "gif":
		return decodeCodec{gifInspect, gifDecode}, true
	case "tiff":
		return decodeCodec{tiffInspect, tiffDecode}, true
	case "bmp":
		return decodeCodec{bmpInspect, bmpDecode}, true
	case "webp":
		return decodeCodec{webpInspect, webpDecode}, true
	}
	return decodeCodec{}, false
}

// decodeImage checks, inspects and decodes, returning the image as stored
// (not yet upright) and its header. gray says the caller wants luminance,
// which changes the memory estimate.
func decodeImage(data []byte, gray bool) (image.Image, decodeHeader, error) {
	format := sniffFormat(data)
	h := decodeHeader{format: format}
	switch {
	case len(data) > MaxFileSize:
		return nil, h, decodeErrorf(format, ErrTooLarge,
			fmt.Sprintf("file of %d bytes exceeds the %d MB limit", len(data), MaxFileSize>>20))
	case len(data) == 0:
		return nil, h, decodeErrorf("", ErrInvalidImage, "empty input: no image data")
	}
	codec, ok := decodeCodecOf(format)
	if !ok {
		return nil, h, decodeErrorf(format, ErrUnsupportedFormat, unsupportedReason(format))
	}
	h, err := codec.inspect(data)
	h.format = format
	if err != nil {
		return nil, h, err
	}
	if err := decodeCheckSize(format, h.width, h.height); err != nil {
		return nil, h, err
	}
	if cost := h.cost(gray); cost > MaxDecodeMemory {
		return nil, h, &FormatError{Format: format, Err: ErrTooLarge, Width: h.width, Height: h.height,
			Reason: fmt.Sprintf("%s image of %dx%d pixels needs about %d MB to decode, over the %d MB limit",
				formatDisplayName(format), h.width, h.height, (cost+1<<20-1)>>20, MaxDecodeMemory>>20)}
	}
	var img image.Image
	err = decodeContained(func() (err error) { img, err = codec.decode(data, h); return err })
	if err != nil {
		return nil, h, decodeFailure(format, err)
	}
	if b := img.Bounds(); b.Dx() != h.width || b.Dy() != h.height {
		// The decoder read another size than its header said: never trust it.
		return nil, h, decodeErrorf(format, ErrInvalidImage, "corrupt "+formatDisplayName(format)+": its pixels do not match its header")
	}
	return img, h, nil
}

// decodeConfig runs a format's DecodeConfig (which reads the header, not
// the pixels) and checks the size it reads.
func decodeConfig(format string, data []byte, config func(io.Reader) (image.Config, error)) (image.Config, error) {
	var cfg image.Config
	err := decodeContained(func() (err error) { cfg, err = config(bytes.NewReader(data)); return err })
	if err != nil {
		return cfg, decodeFailure(format, err)
	}
	return cfg, decodeCheckSize(format, cfg.Width, cfg.Height)
}

// errDecoderPanic stands for a panic of a format's decoder: a bug of the
// decoder on a corrupt file, which must not bring down a server.
var errDecoderPanic = errors.New("ocr: the decoder panicked")

// decodeContained runs a call into a format's decoder, turning a panic
// into errDecoderPanic (which decodeFailure reports as a corrupt image).
func decodeContained(call func() error) (err error) {
	defer func() {
		if recover() != nil {
			err = errDecoderPanic
		}
	}()
	return call()
}

// decodeCheckSize refuses images without pixels or with more than
// MaxPixels.
func decodeCheckSize(format string, w, h int) error {
	name := formatDisplayName(format)
	switch {
	case w <= 0 || h <= 0:
		return &FormatError{Format: format, Err: ErrInvalidImage, Width: max(w, 0), Height: max(h, 0),
			Reason: fmt.Sprintf("%s image of %dx%d pixels has no pixels", name, max(w, 0), max(h, 0))}
	case int64(w)*int64(h) > MaxPixels:
		return &FormatError{Format: format, Err: ErrTooLarge, Width: w, Height: h,
			Reason: fmt.Sprintf("%s image of %dx%d pixels exceeds %d megapixels", name, w, h, MaxPixels/1_000_000)}
	}
	return nil
}

// cost estimates the bytes a decode takes at its peak: the decoder's, then
// the upright copy (Decode) or the luminance plane and its upright copy
// (decodeGray).
func (h decodeHeader) cost(gray bool) int64 {
	px := int64(h.width) * int64(h.height)
	turned := h.orientation > 1
	if !gray {
		if turned {
			return h.work + max(h.upright, h.image)
		}
		return h.work
	}
	extra := int64(0)
	switch {
	case h.grayFree && turned:
		extra = px
	case !h.grayFree && turned:
		extra = 2 * px
	case !h.grayFree:
		extra = px
	}
	return h.work + extra
}
