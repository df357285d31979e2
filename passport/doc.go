// Package passport turns the output of passport OCR vendors, MRZs, and MRZs
// read from images into one typed value, [Passport], checks it against its
// own MRZ, and writes it in the JSON shapes those systems speak.
//
// Readers: [FromMRZ] (a parsed [mrz.Document]), [FromMRZReading] (an MRZ read
// from an image, with a polygon and a confidence per character),
// [ReadMindee] (Mindee passport v1 responses), [ReadScanDocument] (the Scan
// Document shape) and [ReadTextract] (AWS Textract AnalyzeID responses,
// several documents each). The readers take [mrz.Option]s for the parse of
// the MRZ lines they hold.
//
// Writers: [Passport.Mindee] (a whole [MindeeResponse], whose String method
// is the Mindee SDK's text summary), [Passport.ScanDocument], and the
// passport's own JSON ([Passport.MarshalJSON]). [Verify] compares what a
// vendor printed with the MRZ and returns [Finding]s whose messages carry no
// personal data.
//
// Readers refuse input over [MaxInput] bytes and return errors wrapping
// [ErrInput] for malformed input and for input of another shape; they never
// panic, and their messages never repeat text from the input.
package passport
