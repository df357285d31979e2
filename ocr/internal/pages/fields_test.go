package pages

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mrzkit/mrzkit/mrz"
)

// TestRandomMRZ checks that every format gives valid MRZs that parse back
// strictly to the same format.
func TestRandomMRZ(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, f := range Formats {
		for i := 0; i < 50; i++ {
			lines, err := RandomMRZ(r, f)
			if err != nil {
				t.Fatalf("%v: %v", f, err)
			}
			d, err := mrz.Parse(strings.Join(lines, "\n"), mrz.WithReferenceDate(Reference))
			if err != nil || d.Format() != f {
				t.Fatalf("%v: %q parses as %v: %v", f, lines, d.Format(), err)
			}
		}
	}
}
