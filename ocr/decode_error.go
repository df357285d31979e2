package ocr

import (
	"errors"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"golang.org/x/image/bmp"
	"golang.org/x/image/tiff"
)

// The kinds of decoding failure. Decode, DecodeReader and the readers built
// on them return a *FormatError wrapping one of these; test with errors.Is.
var (
	// ErrUnsupportedFormat: the bytes are not an image in a format the
	// package decodes (HEIC, AVIF, PDF, JPEG XL, JPEG 2000, unknown bytes),
	// or use a feature of a supported format that its decoder lacks
	// (12-bit or arithmetic-coded JPEG, BigTIFF, ...).
	ErrUnsupportedFormat = errors.New("ocr: unsupported image format")

	// ErrTooLarge: the file is over MaxFileSize bytes, its header claims
	// more than MaxPixels pixels, or decoding it would take more than
	// MaxDecodeMemory bytes or an unbounded time. Such input is refused
	// before its pixels are decoded.
	ErrTooLarge = errors.New("ocr: image too large")

	// ErrInvalidImage: the file names a supported format but is empty,
	// truncated or corrupt, or has no pixels (0x0).
	ErrInvalidImage = errors.New("ocr: invalid image")
)

// FormatError says why image bytes could not be decoded. It wraps one of
// ErrUnsupportedFormat, ErrTooLarge or ErrInvalidImage, and names the format
// sniffed from the file's first bytes: "jpeg", "png", "gif", "tiff", "bmp",
// "webp" (decoded); "heic", "avif", "pdf", "jxl", "jp2" (recognised, not
// decoded); "" when the bytes match no known format.
//
// Its text is the package's own words ("truncated JPEG", "PNG image of
// 100000x100000 pixels exceeds 50 megapixels"): it never holds bytes or text
// of the input, nor the message of the underlying decoder (some of which
// quote input bytes), so it is safe to log.
type FormatError struct {
	Format string // the sniffed format, as above
	Err    error  // ErrUnsupportedFormat, ErrTooLarge or ErrInvalidImage
	Reason string // what is wrong, e.g. "truncated JPEG"; Err's text when empty

	// Width and Height are the dimensions the header claims, when the
	// failure concerns them (0x0, too many pixels, too much memory).
	Width, Height int
}

// Error returns "ocr: " followed by the reason (or by Err's text and the
// format, when Reason is empty).
func (e *FormatError) Error() string {
	if e.Reason != "" {
		return "ocr: " + e.Reason
	}
	msg := "ocr: invalid image"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if name := formatDisplayName(e.Format); name != "" {
		msg += " (" + name + ")"
	}
	return msg
}

// Unwrap returns Err, so errors.Is(err, ErrTooLarge) and friends work.
func (e *FormatError) Unwrap() error { return e.Err }

func decodeErrorf(format string, kind error, reason string) *FormatError {
	return &FormatError{Format: format, Err: kind, Reason: reason}
}

// decodeFailure turns an error of a format's decoder into a FormatError in
// the package's own words: truncated, corrupt, or a feature the decoder
// does not support. The decoder's message is not kept: some quote input
// bytes.
func decodeFailure(format string, err error) *FormatError {
	name := formatDisplayName(format)
	switch {
	case decodeTruncated(err):
		return decodeErrorf(format, ErrInvalidImage, "truncated "+name)
	case decodeUnsupported(err):
		return decodeErrorf(format, ErrUnsupportedFormat, name+" uses a feature the decoder does not support")
	}
	return decodeErrorf(format, ErrInvalidImage, "corrupt "+name)
}

// decodeTruncated reports whether a decoder's error says the data ran out.
// image/gif formats io errors with %v instead of wrapping them, so the
// text is looked at too (only to classify; it is never shown).
func decodeTruncated(err error) bool {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	// image/png and x/image/tiff say this when the pixel data ends early.
	var (
		pf png.FormatError
		tf tiff.FormatError
	)
	if errors.As(err, &pf) && string(pf) == "not enough pixel data" ||
		errors.As(err, &tf) && string(tf) == "not enough pixel data" {
		return true
	}
	msg := err.Error()
	return strings.HasSuffix(msg, ": unexpected EOF") || strings.HasSuffix(msg, ": EOF")
}

// decodeUnsupported reports whether a decoder's error says the file uses
// something it does not implement.
func decodeUnsupported(err error) bool {
	var (
		je jpeg.UnsupportedError
		pe png.UnsupportedError
		te tiff.UnsupportedError
	)
	return errors.As(err, &je) || errors.As(err, &pe) || errors.As(err, &te) || errors.Is(err, bmp.ErrUnsupported)
}
