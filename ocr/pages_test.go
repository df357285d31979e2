package ocr

import (
	"errors"
	"sync"
	"testing"

	"github.com/mrzkit/mrzkit/ocr/internal/pages"
	"github.com/mrzkit/mrzkit/ocr/internal/render"
)

var (
	fontOnce sync.Once
	fontVal  *render.Font
	fontErr  error
)

// testFont returns the OCR-B font, skipping the test when it is not
// installed.
func testFont(t testing.TB) *render.Font {
	t.Helper()
	fontOnce.Do(func() { fontVal, fontErr = render.Load("") })
	if errors.Is(fontErr, render.ErrNoFont) {
		t.Skip("OCR-B font not installed (apt-get install fonts-ocr-b): skipping")
	}
	if fontErr != nil {
		t.Fatal(fontErr)
	}
	return fontVal
}

// renderPage renders a page, failing the test on error.
func renderPage(t testing.TB, s pages.Spec, seed uint64) *pages.Page {
	t.Helper()
	p, err := pages.Render(testFont(t), s, seed)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
