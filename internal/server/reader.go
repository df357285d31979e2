package server

import (
	"context"
	"errors"

	"github.com/mrzkit/mrzkit/passport"
)

// Reader reads the MRZ of an image file's bytes and returns the passport.
// It returns an error wrapping ErrNoMRZ when the image holds no MRZ, one
// wrapping ErrBadImage when the bytes are not a supported, decodable image
// (unsupported format, truncated, too large), and any other error for an
// internal failure. It must be safe for concurrent use, and should return
// soon after ctx is done.
type Reader interface {
	Read(ctx context.Context, image []byte) (passport.Passport, error)
}

// ReadinessChecker is implemented by a Reader that needs time to get ready
// (loading tables, warming up): /readyz answers 503 until Ready returns nil.
type ReadinessChecker interface {
	Ready() error
}

// ReaderFunc adapts a function to the Reader interface.
type ReaderFunc func(ctx context.Context, image []byte) (passport.Passport, error)

// Read calls f(ctx, image).
func (f ReaderFunc) Read(ctx context.Context, image []byte) (passport.Passport, error) {
	return f(ctx, image)
}

var (
	// ErrNoMRZ is wrapped by a Reader's error when the image holds no MRZ.
	// The APIs answer it as a success with every field empty, as Mindee does.
	ErrNoMRZ = errors.New("no MRZ found in the image")
	// ErrBadImage is wrapped by a Reader's error when the bytes are not a
	// supported, decodable image. The APIs answer it with 400.
	ErrBadImage = errors.New("unsupported or unreadable image")
)
