package mrz

import (
	"strings"
	"testing"
)

// TestSumPlain checks the eight-byte classification against charInfo for
// every byte at every place of a word and of a tail.
func TestSumPlain(t *testing.T) {
	for c := 0; c < 256; c++ {
		for n := 1; n <= 19; n++ {
			for at := 0; at < n; at++ {
				b := []byte(strings.Repeat("A", n))
				b[at] = byte(c)
				got := sumPlain(string(b))
				want := charInfo[c] & (infoDigit | infoInvalid)
				if got&infoInvalid != want&infoInvalid || (want&infoInvalid == 0 && got&infoDigitMask != want&infoDigitMask) {
					t.Fatalf("byte %#x at %d of %d: %#x, want %#x", c, at, n, got, want)
				}
			}
		}
	}
}

// TestSumPlans checks every layout's plan against check digits summed one
// segment at a time, on MRZs of random characters.
func TestSumPlans(t *testing.T) {
	chars := "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	seed := uint32(1)
	for _, l := range layoutList {
		for k := 0; k < 200; k++ {
			b := make([]byte, l.total()+int(l.nlines)-1)
			for i := range b {
				seed = seed*1664525 + 1013904223
				b[i] = chars[seed>>16%uint32(len(chars))]
			}
			off := 0
			for i := 0; i+1 < int(l.nlines); i++ {
				off += int(l.lens[i])
				b[off] = '\n'
				off++
			}
			raw := string(b)
			var sums [maxChecks]int
			if _, ok := l.scan(raw, &sums); !ok {
				t.Fatalf("%s: scan refused %q", l.label, raw)
			}
			for i, c := range l.checks {
				want, w := 0, 0
				for _, sg := range c.segs {
					want, w = weightedSum(raw[sg.off:sg.end()], want, w)
				}
				if sums[i]%10 != want%10 {
					t.Fatalf("%s check %v: %d, want %d, in %q", l.label, c.id, sums[i], want, raw)
				}
			}
		}
	}
}
