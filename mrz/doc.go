// Package mrz reads, validates and writes the machine-readable zones (MRZ)
// of travel documents, as ICAO Doc 9303 defines them: TD1 and TD2 ID cards,
// TD3 passports and MRV-A and MRV-B visas, and the national layouts KYC
// meets in Europe: the French ID card (FR-CNI), the Swiss and Liechtenstein
// driving licence (CH-DL), the French driving licence (FR-DL), and Dutch
// cards carrying a citizen service number.
//
// Parse recognizes the format by the number and length of the lines and the
// document code, reads every field and runs every check: check digits
// (including composite digits and long document numbers), dates, country
// codes, sex and the document code. It returns a Document, and either nil, a
// ValidationError listing each failed check as a *CheckError (with the field,
// line and column), or a *SyntaxError for input that is not an MRZ. Error
// messages never contain the holder's data, so they can be logged.
//
//	d, err := mrz.Parse(text)
//	if errors.Is(err, mrz.ErrCheckDigit) { ... }
//
// Parse takes the lines separated by LF, CRLF or CR (as card readers send
// them), or all of them run together in one line (as the chip's data group 1
// holds them). Fields are named by FieldName constants, in errors and in
// Document.Position alike.
//
// A Document is a small value. Parsing a well-formed MRZ does not allocate:
// its strings are slices of the input, and names are split when asked for.
// Its JSON (MarshalJSON, or AppendJSON into a buffer of your own) is the
// object `mrz parse --json` prints, "lines" included; UnmarshalJSON reads it
// back into the same Document.
//
// Encode writes an MRZ from Fields, transliterating names from Unicode with
// the ICAO tables (see Transliterate) and truncating them as ICAO says.
// Document.Fields gives the Fields of a document, so that encoding them
// writes the MRZ that was read.
//
// Find reads MRZs out of the text an OCR engine returns for a whole page: it
// locates them among other lines, repairs the characters OCR confuses where
// the position's type or the check digits allow one repair only, and lists
// every correction it made. Where several repairs fit a check digit, it does
// not guess: the candidate is invalid, its error names each ambiguous place
// (ErrAmbiguous), and Candidate.Choose turns a choice among its Alternatives
// into corrections. The one repair no check digit can confirm that Find
// makes is a digit read in a name, which becomes its likeliest letter (0 O,
// 1 I, 5 S, 8 B, ...): the correction says it is unverified
// (Correction.Verified, Document.Unverified), and WithStrictNames flags it
// instead. Parse stays strict unless given WithRepair.
//
// FindScored is the same decoder for readers that score every character,
// such as the image reader of package ocr: it takes, for each position, the
// characters it may be with their probabilities, and returns the most
// probable reading that satisfies every check digit and position type, or
// an ambiguous candidate where another reading comes within
// WithAmbiguityMargin of it.
//
// Options (WithReferenceDate, WithRepair, WithTransliteration,
// WithZeroCheckDigit, WithStrictNames, WithAmbiguityMargin) are given to every entry point the same way and
// resolved in order: a later option of a kind wins.
package mrz
