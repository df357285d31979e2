package mrz

// Check names a check digit.
type Check uint8

// The check digits of the formats. Not every format has every check.
const (
	CheckDocumentNumber Check = iota
	CheckBirthDate
	CheckExpiryDate
	CheckOptionalData // TD3: the personal number
	CheckComposite
	CheckBSN // NLD TD1: the citizen service number
	numChecks
)

var checkNames = [...]string{
	CheckDocumentNumber: "document_number",
	CheckBirthDate:      "birth_date",
	CheckExpiryDate:     "expiry_date",
	CheckOptionalData:   "optional_data",
	CheckComposite:      "composite",
	CheckBSN:            "bsn",
}

// String returns the name of the check as the JSON output writes it.
func (c Check) String() string {
	if int(c) < len(checkNames) {
		return checkNames[c]
	}
	return "unknown"
}

// Checks returns the check digits the format has, in MRZ order of their
// fields.
func (f Format) Checks() []Check {
	l := layoutOf(f)
	if l == nil {
		return nil
	}
	out := make([]Check, 0, len(l.checks))
	for c := Check(0); c < numChecks; c++ {
		for _, d := range l.checks {
			if d.id == c {
				out = append(out, c)
			}
		}
	}
	return out
}

// CheckStatus is the outcome of one check digit.
type CheckStatus uint8

// The outcomes of a check digit.
const (
	CheckAbsent CheckStatus = iota // the format has no such check digit
	CheckPassed
	CheckFailed
)

// String returns "absent", "passed" or "failed".
func (s CheckStatus) String() string {
	switch s {
	case CheckPassed:
		return "passed"
	case CheckFailed:
		return "failed"
	}
	return "absent"
}

// field returns the name CheckError uses for a failure of the check digit.
func (c Check) field() FieldName { return FieldName(c.String()) }
