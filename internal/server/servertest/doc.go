// Package servertest holds readers for testing package server and the
// programs built on it: a fake that answers passports keyed by the bytes of
// an image, readers that block, sleep or fail, and the shared images with
// their truth (../shared/images), turned into a fake that reads them
// exactly.
package servertest
