package mrz

import (
	"slices"
	"testing"
)

// TestScanKernels checks every layout's scan kernel against its sum plan
// on random lines: the same sums, digits and refusals, with every byte
// class at every position (digits in lines of letters, invalid bytes).
func TestScanKernels(t *testing.T) {
	const chars = "<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	seed := uint32(7)
	rnd := func(n uint32) uint32 {
		seed = seed*1664525 + 1013904223
		return seed >> 8 % n
	}
	kernels := 0
	for _, l := range layoutList {
		if l.kernel == kernelPlan {
			continue
		}
		kernels++
		n := l.total() + int(l.nlines) - 1
		for k := 0; k < 3000; k++ {
			b := make([]byte, n)
			for i := range b {
				switch k % 3 {
				case 0: // any MRZ character
					b[i] = chars[rnd(uint32(len(chars)))]
				case 1: // letters and fillers but for one digit
					b[i] = "<ABCXYZ"[rnd(7)]
				default: // the largest values
					b[i] = "Z9Y"[rnd(3)]
				}
			}
			if k%3 == 1 {
				b[rnd(uint32(n))] = "0123456789"[rnd(10)]
			}
			if k%5 == 0 {
				b[rnd(uint32(n))] = byte(rnd(256))
			}
			off := 0
			for i := 0; i+1 < int(l.nlines); i++ {
				off += int(l.lens[i])
				b[off] = '\n'
				off++
			}
			raw := string(b)
			var got, want [maxChecks]int
			gd, gok := l.scan(raw, &got)
			wd, wok := l.scanPlan(raw, &want)
			// The kernel of TD3 writes the sums of TD3's checks for MRV-A too.
			if gok != wok || (gok && (gd != wd || !slices.Equal(got[:len(l.checks)], want[:len(l.checks)]))) {
				t.Fatalf("%s %q: kernel %v %03b %v, plan %v %03b %v", l.label, raw, gok, gd, got, wok, wd, want)
			}
		}
	}
	if kernels < 3 {
		t.Errorf("%d layouts with kernels, want 3 (TD3, MRV-A, TD1)", kernels)
	}
}

// TestValidateFastTaken checks that a valid MRZ of every layout
// validateFast takes, its dates full, passes it (a slip there would only cost speed, as
// validate gives the same result: the reference tests cannot see it).
func TestValidateFastTaken(t *testing.T) {
	seen := map[Format]bool{}
	for _, s := range referenceSeeds(t) {
		for _, ref := range []Option{WithReferenceDate(refDate2026), {}} {
			d, err := Parse(s, ref)
			// Unknown parts of a birth date and long document numbers take
			// validate; so do the French layouts, whose lines of names hold
			// digits (FR-DL) or whose issue date has four digits (FR-CNI).
			if err != nil || !d.lay.fast || d.birth.IsPartial() || d.LongDocumentNumber() ||
				d.Format() == FrenchID || d.Format() == FrenchDrivingLicence {
				continue
			}
			o := mergeOptions([]Option{ref})
			var sums [maxChecks]int
			digits, ok := d.lay.scan(d.raw, &sums)
			fresh := Document{raw: d.raw, lay: d.lay}
			if !ok || !fresh.validateFast(&o, digits, &sums) {
				t.Errorf("%s %q: validateFast refused a valid MRZ", d.lay.label, d.raw)
			}
			if fresh.birth != d.birth || fresh.expiry != d.expiry || fresh.status != d.status {
				t.Errorf("%s %q: validateFast read other values", d.lay.label, d.raw)
			}
			seen[d.Format()] = true
		}
	}
	for _, f := range []Format{TD3, TD1, TD2, MRVA, MRVB} {
		if !seen[f] {
			t.Errorf("no valid %v seen", f)
		}
	}
}
