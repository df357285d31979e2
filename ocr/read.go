package ocr

import (
	"context"
	"errors"
	"image"
)

// ErrNotFound is returned by Read and ReadBytes for an image in which no
// MRZ was found. A page without an MRZ gives it, never a document.
var ErrNotFound = errors.New("ocr: no MRZ found")

// Limits of the search.
const (
	minImageSide = 16 // smaller images hold no readable MRZ
	maxZones     = 6  // candidate zones read, best first
)

// Read finds and reads the MRZ of an image. The page may be turned by any
// quarter turn and skewed by up to 15 degrees, seen in mild perspective, on
// a cluttered background. It returns ErrNotFound when the image holds no
// MRZ, and ctx's error when ctx is done (checked between stages).
//
// Read is safe for concurrent use.
func Read(ctx context.Context, img image.Image, opts ...Option) (*Result, error) {
	if img == nil {
		return nil, ErrNotFound
	}
	b := img.Bounds()
	if b.Dx() < minImageSide || b.Dy() < minImageSide {
		return nil, ErrNotFound
	}
	// The pixels are only read: a gray image is used as it is.
	return read(ctx, planeOf(grayOf(img, true)), newConfig(opts))
}

// ReadBytes decodes an image file (see Decode) and reads its MRZ as Read
// does. Decoding errors are returned as Decode returns them.
func ReadBytes(ctx context.Context, data []byte, opts ...Option) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g, _, err := decodeGray(data)
	if err != nil {
		return nil, err
	}
	b := g.Bounds()
	if b.Dx() < minImageSide || b.Dy() < minImageSide {
		return nil, ErrNotFound
	}
	return read(ctx, planeOf(g), newConfig(opts))
}

// read runs the stages on the image as given, in gray levels.
func read(ctx context.Context, p0 plane, cfg config) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if cfg.classify == nil {
		return nil, errors.New("ocr: no character classifier")
	}
	s := detectScale(p0.w, p0.h)
	det := resize(p0, max(1, int(float64(p0.w)*s+0.5)), max(1, int(float64(p0.h)*s+0.5)))
	sx := float64(p0.w) / float64(det.w)
	var sc scratch
	src := &source{levels: []plane{p0}, scale: sx}
	var best *reading
	for _, k := range [...]float64{sauvolaK, sauvolaKFaint} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		fs := detect(det, k, &sc)
		for i, f := range fs {
			if i >= maxZones {
				break
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			r := readZone(src, f, cfg, &sc)
			if r != nil && (best == nil || r.better(best)) {
				best = r
			}
			if best != nil && best.valid {
				break
			}
		}
		if best != nil && best.valid {
			break
		}
	}
	if best == nil {
		return nil, ErrNotFound
	}
	return best.result(p0.w, p0.h), nil
}
