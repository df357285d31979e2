package ocr

import (
	"context"
	"errors"
	"image"
	"math"
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
	var sc scratch
	pyr := &pyramid{levels: []plane{p0}}
	var best *reading
	for _, ps := range passes(p0.w, p0.h) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if ps.ifNone && best != nil {
			break
		}
		det := scaleBy(p0, ps.scale)
		src := &source{pyr: pyr, scale: float64(p0.w) / float64(det.w)}
		fs := detect(det, ps.k, &sc)
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

// pass is one way of looking for the MRZ: a detection scale and the
// binarization's k, and whether it runs only when nothing was read yet.
type pass struct {
	scale, k float64
	ifNone   bool
}

// passes lists the passes read runs, until one finds a valid MRZ: at the
// working size, again for faint or blurred strokes, and, when nothing was
// read at all from a large image brought down to its working size, at
// twice that size (a small document in a large photo).
func passes(w, h int) []pass {
	s := detectScale(w, h)
	ps := []pass{{s, sauvolaK, false}, {s, sauvolaKFaint, false}}
	if s < 0.75 {
		ps = append(ps, pass{math.Min(1, 2*s), sauvolaK, true})
	}
	return ps
}
