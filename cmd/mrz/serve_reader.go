package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/ocr"
	"github.com/mrzkit/mrzkit/passport"
)

// ocrReader reads images for mrz serve with package ocr: the passport of
// the reading, with the image's polygons, confidences and orientation.
type ocrReader struct{}

// Read implements server.Reader. A page without an MRZ is server.ErrNoMRZ;
// bytes that are not a supported, decodable image within the limits are
// server.ErrBadImage (the message names the format and what is wrong, never
// the image's bytes); a cancelled context is returned as it is.
func (ocrReader) Read(ctx context.Context, image []byte) (passport.Passport, error) {
	res, err := ocr.ReadBytes(ctx, image)
	switch {
	case err == nil:
		return res.Passport(), nil
	case errors.Is(err, ocr.ErrNotFound):
		return passport.Passport{}, server.ErrNoMRZ
	case errors.Is(err, ocr.ErrUnsupportedFormat), errors.Is(err, ocr.ErrTooLarge), errors.Is(err, ocr.ErrInvalidImage):
		return passport.Passport{}, fmt.Errorf("%w: %v", server.ErrBadImage, err)
	}
	return passport.Passport{}, err
}
