// Package ocr reads the machine-readable zone (MRZ) of an identity document
// from an image: a photo or a scan of a passport, an ID card, a visa or a
// national document whose layout package mrz parses. It is pure Go, needs
// no model file or font at run time, and is safe for concurrent use.
//
// Read takes an image.Image; ReadBytes takes the bytes of a file (JPEG with
// its EXIF orientation, PNG, GIF, TIFF, BMP, WebP; see Decode) and reads
// the image. Both return a Result: the mrz.Document after repair, the lines
// as read and as repaired, every character with its confidence and its
// polygon, a polygon per line, the page's orientation and the corrections
// made. Polygons are in normalized coordinates (0 to 1, origin at the top
// left) of the image as given, after its EXIF orientation, never of a
// turned copy; their corners run top left, top right, bottom right, bottom
// left of the character as it reads. An image without an MRZ gives
// ErrNotFound.
//
// # How it reads
//
//  1. The image is brought to a working size (a long side of 900 to 1600
//     pixels), binarized locally (in the manner of Sauvola: each pixel
//     against the mean and spread of its neighbourhood, so that uneven
//     light and faint guilloches fall away), and cut into connected
//     components.
//  2. Components of about one height, side by side and overlapping, are
//     chained into lines, along the image's rows and along its columns
//     (for quarter turns). Each chain is fitted with a straight centre line
//     and a pitch that may change steadily along it (the perspective
//     term): every MRZ character stands in a cell of that grid, and every
//     cell holds ink (fillers are printed). Lines then grow along their
//     grid over fillers too small to chain.
//  3. Two or three parallel lines of one pitch, on one grid, about 1.7
//     pitches apart, make a zone.
//  4. Each line of a zone is resampled into an upright strip, both ways up
//     (0 against 180 degrees is decided by reading both), its cap line
//     and baseline measured, its gray levels brought to black on white,
//     and every cell classified among the 37 MRZ characters with a
//     probability for each (package ocr/internal/glyph).
//  5. The scored cells go to mrz.FindScored, for every layout the zone may
//     hold: it returns the most probable reading that satisfies every
//     check digit and position type, or an ambiguous one. A reading is
//     valid only when the decoder says so and no character outside the
//     check digits' reach was read with a low probability; otherwise it
//     is returned invalid, naming the doubtful places.
//
// A reading claiming to be valid that is wrong is the worst outcome: the
// reader prefers "invalid" or "not found" to a guess.
//
// docs/ocr.md gives the measurements: the shared test images, the table of
// rendered and degraded pages, speed and memory.
package ocr
