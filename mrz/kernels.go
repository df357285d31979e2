package mrz

// The scan kernels of the two commonest layouts, TD3 (with MRV-A, which has
// TD3's lines and its first three check digits) and TD1: what
// layout.scan's plan computes for them, written out for their fixed
// positions. Each segment of a check digit is read once into its three
// chains (the sums of charInfo of its characters at offsets 0, 1 and 2
// modulo 3); a check's weighted sum is its chains times the weights 7, 3, 1
// turned to where the segment starts in the check. The composite check
// digit reuses the chains of the segments of the other checks. Every other
// character is only tested (orInfo). TestScanKernels compares them with
// the plan on random lines.

// scanKernel names the kernel of a layout (0: the plan).
type scanKernel uint8

const (
	kernelPlan scanKernel = iota
	kernelTD3
	kernelTD1
)

// chain holds the sums of charInfo of a segment's characters at offsets
// 0, 1 and 2 modulo 3. Its methods add the next characters; written out for
// the fixed lengths of the kernels, they compile to one load, one lookup
// and one add a character, with no bounds checks.
type chain struct{ a, b, c uint32 }

// add3 adds s[0:3] at offsets 0, 1, 2.
func (c chain) add3(s string) chain {
	s = s[:3]
	return chain{c.a + charInfo[s[0]], c.b + charInfo[s[1]], c.c + charInfo[s[2]]}
}

// add9 adds s[0:9].
func (c chain) add9(s string) chain {
	s = s[:9]
	return chain{c.a + charInfo[s[0]] + charInfo[s[3]] + charInfo[s[6]],
		c.b + charInfo[s[1]] + charInfo[s[4]] + charInfo[s[7]],
		c.c + charInfo[s[2]] + charInfo[s[5]] + charInfo[s[8]]}
}

// add2 adds s[0:2] at offsets 0, 1 (the end of a segment).
func (c chain) add2(s string) chain {
	s = s[:2]
	return chain{c.a + charInfo[s[0]], c.b + charInfo[s[1]], c.c}
}

// weigh returns the chains weighted by x, y and z.
func (c chain) weigh(x, y, z uint32) uint32 { return x*c.a + y*c.b + z*c.c }

// or returns the chains ORed: their flags (see charInfo).
func (c chain) or() uint32 { return c.a | c.b | c.c }

// orInfo returns the charInfo of the characters of s ORed: infoDigit when
// s holds a digit, infoInvalid when it holds a byte that is not an MRZ
// character (what sumPlain tells).
func orInfo(s string) uint32 {
	var out uint32
	for len(s) >= 8 {
		w := s[:8]
		out |= charInfo[w[0]] | charInfo[w[1]] | charInfo[w[2]] | charInfo[w[3]] |
			charInfo[w[4]] | charInfo[w[5]] | charInfo[w[6]] | charInfo[w[7]]
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		out |= charInfo[s[i]]
	}
	return out
}

// scanTD3 is scan for TD3 and MRV-A: raw is two lines of 44 joined by
// '\n'. It writes the sums of TD3's checks: document number, birth date,
// expiry date, personal number, composite (MRV-A uses the first three).
func scanTD3(raw string, sums *[maxChecks]int) (digits uint8, ok bool) {
	if len(raw) != 89 {
		return 0, false
	}
	f1 := orInfo(raw[:44])
	l2 := raw[45:89]
	var z chain
	num := z.add9(l2[0:9])                                   // 1-9
	birth := z.add3(l2[13:16]).add3(l2[16:19])               // 14-19
	expiry := z.add3(l2[21:24]).add3(l2[24:27])              // 22-27
	opt := z.add9(l2[28:37]).add3(l2[37:40]).add2(l2[40:42]) // 29-42
	cn, cb, ce, co := charInfo[l2[9]], charInfo[l2[19]], charInfo[l2[27]], charInfo[l2[42]]
	f2 := num.or() | birth.or() | expiry.or() | opt.or() | cn | cb | ce | co |
		charInfo[l2[10]] | charInfo[l2[11]] | charInfo[l2[12]] | charInfo[l2[20]] | charInfo[l2[43]]
	if (f1|f2)&infoInvalidMask != 0 {
		return 0, false
	}
	n, o := num.weigh(7, 3, 1), opt.weigh(7, 3, 1)
	sums[0] = int(n & infoValue)
	sums[1] = int(birth.weigh(7, 3, 1) & infoValue)
	sums[2] = int(expiry.weigh(7, 3, 1) & infoValue)
	sums[3] = int(o & infoValue)
	// The composite: line 2, 1-10, 14-20 and 22-43; the birth date starts
	// at its 11th character, the expiry date at its 18th, the personal
	// number at its 25th.
	sums[4] = int((n + 7*cn + birth.weigh(3, 1, 7) + 3*cb + expiry.weigh(1, 7, 3) + ce + o + co) & infoValue)
	return lineDigits(f1, 0) | lineDigits(f2, 1), true
}

// scanTD1 is scan for TD1: raw is three lines of 30 joined by '\n'. It
// writes the sums of its checks: document number, birth date, expiry date,
// composite.
func scanTD1(raw string, sums *[maxChecks]int) (digits uint8, ok bool) {
	if len(raw) != 92 {
		return 0, false
	}
	l1, l2 := raw[0:30], raw[31:61]
	f3 := orInfo(raw[62:92])
	var z chain
	num := z.add9(l1[5:14])                                  // line 1, 6-14
	opt := z.add9(l1[15:24]).add3(l1[24:27]).add3(l1[27:30]) // line 1, 16-30
	birth := z.add3(l2[0:3]).add3(l2[3:6])                   // line 2, 1-6
	expiry := z.add3(l2[8:11]).add3(l2[11:14])               // line 2, 9-14
	opt2 := z.add9(l2[18:27]).add2(l2[27:29])                // line 2, 19-29
	cn, cb, ce := charInfo[l1[14]], charInfo[l2[6]], charInfo[l2[14]]
	f1 := num.or() | opt.or() | cn |
		charInfo[l1[0]] | charInfo[l1[1]] | charInfo[l1[2]] | charInfo[l1[3]] | charInfo[l1[4]]
	f2 := birth.or() | expiry.or() | opt2.or() | cb | ce |
		charInfo[l2[7]] | charInfo[l2[15]] | charInfo[l2[16]] | charInfo[l2[17]] | charInfo[l2[29]]
	if (f1|f2|f3)&infoInvalidMask != 0 {
		return 0, false
	}
	n := num.weigh(7, 3, 1)
	sums[0] = int(n & infoValue)
	sums[1] = int(birth.weigh(7, 3, 1) & infoValue)
	sums[2] = int(expiry.weigh(7, 3, 1) & infoValue)
	// The composite: line 1, 6-30, line 2, 1-7, 9-15 and 19-29; the
	// optional data starts at its 11th character, the birth date at its
	// 26th, the expiry date at its 33rd, the second optional data at its
	// 40th.
	sums[3] = int((n + 7*cn + opt.weigh(3, 1, 7) + birth.weigh(3, 1, 7) + 3*cb + expiry.weigh(1, 7, 3) + ce +
		opt2.weigh(7, 3, 1)) & infoValue)
	return lineDigits(f1, 0) | lineDigits(f2, 1) | lineDigits(f3, 2), true
}

// lineDigits returns bit i when info, the sums of a line's charInfo ORed,
// shows a digit.
func lineDigits(info uint32, i uint8) uint8 {
	if info&infoDigitMask != 0 {
		return 1 << i
	}
	return 0
}
