// Package passport turns the output of passport OCR vendors, and MRZs, into
// one typed value, Passport, checks it against its own MRZ, and writes it in
// the JSON shapes those systems speak.
//
// Readers: FromMRZ (a parsed mrz.Document), ReadMindee (Mindee passport v1
// responses), ReadScanDocument (the Scan Document shape) and ReadTextract
// (AWS Textract AnalyzeID responses, several documents each). Writers:
// Passport.Mindee (a whole Mindee response, whose String method is the
// Mindee SDK's text summary), Passport.ScanDocument, and the Passport's own
// JSON. Verify compares what a vendor printed with the MRZ and returns
// findings whose messages carry no personal data.
//
// Readers refuse input over MaxInput bytes and return errors wrapping
// ErrInput for malformed input; they never panic.
package passport
