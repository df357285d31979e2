package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/mrzkit/mrzkit/ocr"
	"github.com/mrzkit/mrzkit/passport"
)

// OCRReader is the Reader mrz serve answers with: package ocr reads the
// image, and the passport of its reading carries the image's polygons,
// confidences and orientation (ocr.Result.Passport).
type OCRReader struct{}

// Read implements Reader. A page without an MRZ is ErrNoMRZ; bytes that are
// not a supported, decodable image within the limits are ErrBadImage (the message names the format and what is wrong, never
// the image's bytes); a cancelled context is returned as it is.
func (OCRReader) Read(ctx context.Context, image []byte) (passport.Passport, error) {
	res, err := ocr.ReadBytes(ctx, image)
	switch {
	case err == nil:
		return res.Passport(), nil
	case errors.Is(err, ocr.ErrNotFound):
		return passport.Passport{}, ErrNoMRZ
	case errors.Is(err, ocr.ErrUnsupportedFormat), errors.Is(err, ocr.ErrTooLarge), errors.Is(err, ocr.ErrInvalidImage):
		return passport.Passport{}, fmt.Errorf("%w: %v", ErrBadImage, err)
	}
	return passport.Passport{}, err
}
