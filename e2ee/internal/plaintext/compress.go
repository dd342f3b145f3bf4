package plaintext

import (
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
)

// AlgDeflate identifies raw DEFLATE (RFC 1951) in the compressed form.
const AlgDeflate = 1

// IsCompressed reports whether the plaintext item b is in the compressed form
// (a CBOR array of three items, first byte 0x83) rather than a plain map.
func IsCompressed(b []byte) bool { return len(b) > 0 && b[0] == 0x83 }

// appendWriter is an io.Writer appending to a slice.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// Compressor produces the compressed form. It reuses its DEFLATE state and
// buffer between calls and is not safe for concurrent use.
type Compressor struct {
	level int
	w     *flate.Writer
	out   appendWriter
}

// NewCompressor returns a Compressor at the given compress/flate level.
func NewCompressor(level int) (*Compressor, error) {
	w, err := flate.NewWriter(io.Discard, level)
	if err != nil {
		return nil, fmt.Errorf("plaintext: %w", err)
	}
	return &Compressor{level: level, w: w}, nil
}

// AppendCompressed appends [1, len(plain), bytes(deflate(plain))] to dst if
// that is shorter than maxLen bytes, and reports whether it did. Otherwise
// dst is returned unchanged.
func (c *Compressor) AppendCompressed(dst, plain []byte, maxLen int) ([]byte, bool) {
	c.out.b = c.out.b[:0]
	c.w.Reset(&c.out)
	if _, err := c.w.Write(plain); err != nil {
		return dst, false
	}
	if err := c.w.Close(); err != nil {
		return dst, false
	}
	start := len(dst)
	dst = append(dst, 0x83)
	dst = appendHead(dst, majorUint, AlgDeflate)
	dst = appendHead(dst, majorUint, uint64(len(plain)))
	dst = appendHead(dst, majorBytes, uint64(len(c.out.b)))
	if len(dst)-start+len(c.out.b) >= maxLen {
		return dst[:start], false
	}
	return append(dst, c.out.b...), true
}

// Decompressor undoes the compressed form with a bounded output. It reuses
// its DEFLATE state between calls and is not safe for concurrent use.
type Decompressor struct {
	src bytes.Reader
	r   io.ReadCloser
}

// errBomb is returned when the stream would exceed its declared size.
var errBomb = errors.New("decompressed data longer than declared")

// Decompress parses the compressed form b and appends the decompressed
// plaintext to dst. The declared size must not exceed max; the DEFLATE stream
// must produce exactly that many bytes (reading stops one byte past it, so a
// stream that expands further is never inflated) and be followed by nothing.
// The result must itself be a plain map (no nested compression). Errors wrap
// ErrMalformed.
func (z *Decompressor) Decompress(dst, b []byte, max int) ([]byte, error) {
	if !IsCompressed(b) {
		return dst, malformed("not the compressed form")
	}
	off := 1
	alg, n, err := readUint(b[off:])
	if err != nil {
		return dst, fmt.Errorf("compression algorithm: %w", err)
	}
	if alg != AlgDeflate {
		return dst, malformed("unknown compression algorithm %d", alg)
	}
	off += n
	size, n, err := readUint(b[off:])
	if err != nil {
		return dst, fmt.Errorf("decompressed size: %w", err)
	}
	if size > uint64(max) || size == 0 {
		return dst, malformed("declared decompressed size %d outside (0, %d]", size, max)
	}
	off += n
	data, n, err := readString(b[off:], majorBytes, len(b))
	if err != nil {
		return dst, fmt.Errorf("compressed data: %w", err)
	}
	if off+n != len(b) {
		return dst, malformed("%d trailing bytes after compressed data", len(b)-off-n)
	}
	z.src.Reset(data)
	if z.r == nil {
		z.r = flate.NewReader(&z.src)
	} else if err := z.r.(flate.Resetter).Reset(&z.src, nil); err != nil {
		return dst, malformed("inflate reset: %v", err)
	}
	start := len(dst)
	dst = grow(dst, int(size))
	out := dst[start : start+int(size)]
	if _, err := io.ReadFull(z.r, out); err != nil {
		return dst[:start], malformed("inflate: %v", err)
	}
	var one [1]byte
	if k, err := z.r.Read(one[:]); k != 0 || err != io.EOF {
		if k != 0 {
			err = errBomb
		}
		return dst[:start], malformed("inflate: %v", err)
	}
	if z.src.Len() != 0 {
		return dst[:start], malformed("%d bytes after the DEFLATE stream", z.src.Len())
	}
	if len(out) == 0 || out[0]>>5 != majorMap {
		return dst[:start], malformed("decompressed plaintext is not a map")
	}
	return dst, nil
}

// grow extends b by n bytes (contents of the new bytes unspecified).
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) < n {
		nb := make([]byte, len(b), len(b)+n)
		copy(nb, b)
		b = nb
	}
	return b[:len(b)+n]
}
