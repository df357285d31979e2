package ocr

import (
	"bytes"
	"strings"
)

// sniffFormat names the format of an image file from its magic bytes,
// without relying on image.RegisterFormat (whose table is global: what it
// holds depends on what else a program imports). It returns "" for bytes
// it does not know.
func sniffFormat(data []byte) string {
	has := func(off int, magic string) bool {
		return len(data) >= off+len(magic) && string(data[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return "jpeg"
	case has(0, "\x89PNG\r\n\x1a\n"):
		return "png"
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return "gif"
	case has(0, "II*\x00"), has(0, "MM\x00*"), has(0, "II+\x00"), has(0, "MM\x00+"): // classic TIFF, BigTIFF
		return "tiff"
	case has(0, "BM"):
		return "bmp"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "webp"
	case has(4, "ftyp"):
		return sniffISOBMFF(data)
	case has(0, "\xff\x0a"), has(0, "\x00\x00\x00\x0cJXL \r\n\x87\n"):
		return "jxl"
	case has(0, "\x00\x00\x00\x0cjP  \r\n\x87\n"), has(0, "\xff\x4f\xff\x51"): // JP2 box, J2K codestream
		return "jp2"
	}
	// A PDF may start with up to 1024 bytes of junk before its header.
	head := data[:min(len(data), 1024)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return "pdf"
	}
	return ""
}

// sniffISOBMFF tells HEIC from AVIF by the brands of an ISO base media
// file's ftyp box ("mif1" and "msf1" are shared by both; an "avif" or
// "avis" brand anywhere makes it AVIF).
func sniffISOBMFF(data []byte) string {
	size := int(uint32(data[0])<<24 | uint32(data[1])<<16 | uint32(data[2])<<8 | uint32(data[3]))
	if size < 16 || size > len(data) {
		size = min(len(data), 64) // a broken box size: look at what is there
	}
	heic := false
	for off := 8; off+4 <= size; off += 4 {
		if off == 12 {
			continue // the minor version, not a brand
		}
		switch string(data[off : off+4]) {
		case "avif", "avis":
			return "avif"
		case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "mif2", "msf1":
			heic = true
		}
	}
	if heic {
		return "heic"
	}
	return ""
}

// formatDisplayName is how messages name a format.
func formatDisplayName(format string) string {
	switch format {
	case "jpeg", "png", "gif", "tiff", "bmp", "heic", "avif", "pdf":
		return strings.ToUpper(format)
	case "webp":
		return "WebP"
	case "jxl":
		return "JPEG XL"
	case "jp2":
		return "JPEG 2000"
	}
	return format
}

// unsupportedReason is the message for a recognised format the package
// does not decode.
func unsupportedReason(format string) string {
	switch format {
	case "":
		return "not an image in a supported format (JPEG, PNG, GIF, TIFF, BMP, WebP)"
	case "pdf":
		return "PDF documents are not supported: send an image of the page (JPEG, PNG, ...)"
	}
	return formatDisplayName(format) + " images are not supported"
}
