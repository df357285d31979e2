package servertest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mrzkit/mrzkit/internal/server"
	"github.com/mrzkit/mrzkit/passport"
)

// Fake is a Reader that answers the passport added for an image's exact
// bytes. Bytes it does not know get ErrNoMRZ when they start like an image
// file (JPEG, PNG, GIF, TIFF, BMP, WebP) and ErrBadImage otherwise, as a
// real reader would. The zero value knows no image; it is safe for
// concurrent use.
type Fake struct {
	mu    sync.RWMutex
	known map[[32]byte]passport.Passport
	calls atomic.Int64
}

// Add makes f answer p for image.
func (f *Fake) Add(image []byte, p passport.Passport) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.known == nil {
		f.known = map[[32]byte]passport.Passport{}
	}
	f.known[sha256.Sum256(image)] = p
}

// Calls returns how many times Read was called.
func (f *Fake) Calls() int64 { return f.calls.Load() }

// Read implements server.Reader.
func (f *Fake) Read(ctx context.Context, image []byte) (passport.Passport, error) {
	f.calls.Add(1)
	if err := ctx.Err(); err != nil {
		return passport.Passport{}, err
	}
	f.mu.RLock()
	p, ok := f.known[sha256.Sum256(image)]
	f.mu.RUnlock()
	if ok {
		return p, nil
	}
	if !LooksLikeImage(image) {
		return passport.Passport{}, fmt.Errorf("%w: not a JPEG, PNG, GIF, TIFF, BMP or WebP file", server.ErrBadImage)
	}
	return passport.Passport{}, server.ErrNoMRZ
}

// LooksLikeImage reports whether b starts with the signature of an image
// format the reader decodes.
func LooksLikeImage(b []byte) bool {
	for _, sig := range [][]byte{
		{0xff, 0xd8, 0xff}, []byte("\x89PNG\r\n\x1a\n"), []byte("GIF87a"), []byte("GIF89a"),
		[]byte("II*\x00"), []byte("MM\x00*"), []byte("BM"),
	} {
		if bytes.HasPrefix(b, sig) {
			return true
		}
	}
	return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
}

// Gate is a Reader that blocks every read until Open is called or the
// read's context is done, and then answers Passport. Entered receives a
// value as each read starts.
type Gate struct {
	Passport passport.Passport
	Entered  chan struct{}
	open     chan struct{}
	once     sync.Once
}

// NewGate returns a closed gate whose Entered channel holds up to n
// values without blocking.
func NewGate(n int) *Gate { return &Gate{Entered: make(chan struct{}, n), open: make(chan struct{})} }

// Open lets every read, now and later, through.
func (g *Gate) Open() { g.once.Do(func() { close(g.open) }) }

// Read implements server.Reader.
func (g *Gate) Read(ctx context.Context, image []byte) (passport.Passport, error) {
	select {
	case g.Entered <- struct{}{}:
	default:
	}
	select {
	case <-g.open:
		return g.Passport, nil
	case <-ctx.Done():
		return passport.Passport{}, ctx.Err()
	}
}

// Sleep returns a Reader that takes d for every image (or until its context
// is done) and then answers next's passport: a stand-in for the cost of a
// real reader.
func Sleep(d time.Duration, next server.Reader) server.Reader {
	return server.ReaderFunc(func(ctx context.Context, image []byte) (passport.Passport, error) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return passport.Passport{}, ctx.Err()
		}
		return next.Read(ctx, image)
	})
}

// ErrFailing is the error of Failing.
var ErrFailing = errors.New("servertest: the reader failed")

// Failing is a Reader that fails every read with an internal error.
var Failing server.Reader = server.ReaderFunc(func(context.Context, []byte) (passport.Passport, error) {
	return passport.Passport{}, ErrFailing
})

// Panicking is a Reader that panics.
var Panicking server.Reader = server.ReaderFunc(func(context.Context, []byte) (passport.Passport, error) {
	panic("servertest: the reader panicked")
})
