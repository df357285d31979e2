package mrz

// Dutch TD1 cards may carry the holder's citizen service number (BSN) in
// line 1, positions 16-24, with a check digit of its own at position 30
// over 16-29. ICAO cards of other states, and Dutch cards without a BSN,
// may hold anything there, so the check applies only to what has a BSN's
// own shape: nine digits that pass the BSN's 11-test.
const (
	bsnOff   = 15 // line 1, position 16
	bsnCheck = 29 // line 1, position 30
)

// dutchBSN verifies the BSN of a Dutch TD1 card that carries one: issuing
// state NLD, a BSN at 16-24 (see isBSN) and a digit at 30.
func (d *Document) dutchBSN() {
	if d.raw[2:5] != "NLD" || !isDigit(d.raw[bsnCheck]) || !isBSN(d.raw[bsnOff:bsnOff+9]) {
		return
	}
	d.flags |= flagBSN
	sum, _ := checkSum(d.raw, span{bsnOff, 14}, 0, 0)
	if d.raw[bsnCheck] == byte('0'+sum%10) {
		d.status[CheckBSN] = CheckPassed
	} else {
		d.status[CheckBSN] = CheckFailed
		d.fail(FieldBSN, bsnCheck, ErrCheckDigit, "")
	}
}

// isBSN reports whether s is a citizen service number: nine digits, not
// all zero, with 9·d1 + 8·d2 + ... + 2·d8 − d9 divisible by 11 (the
// 11-test, "elfproef").
func isBSN(s string) bool {
	if len(s) != 9 {
		return false
	}
	sum, zero := 0, true
	for i := 0; i < 9; i++ {
		c := s[i]
		if !isDigit(c) {
			return false
		}
		w := 9 - i
		if i == 8 {
			w = -1
		}
		sum += w * int(c-'0')
		zero = zero && c == '0'
	}
	return !zero && sum%11 == 0
}
