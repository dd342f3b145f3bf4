package plaintext

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// malformed returns an error wrapping ErrMalformed.
func malformed(format string, a ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, a...))
}

// readHead parses a definite-length CBOR head. It rejects the reserved
// additional-information values 28–30 and indefinite lengths (31), and it
// never reads past b.
func readHead(b []byte) (major byte, arg uint64, n int, err error) {
	if len(b) == 0 {
		return 0, 0, 0, malformed("truncated")
	}
	major, ai := b[0]>>5, b[0]&31
	var size int
	switch {
	case ai < 24:
		return major, uint64(ai), 1, nil
	case ai == 24:
		size = 1
	case ai == 25:
		size = 2
	case ai == 26:
		size = 4
	case ai == 27:
		size = 8
	default:
		return 0, 0, 0, malformed("indefinite length or reserved head 0x%02x", b[0])
	}
	if len(b) < 1+size {
		return 0, 0, 0, malformed("truncated head")
	}
	for _, c := range b[1 : 1+size] {
		arg = arg<<8 | uint64(c)
	}
	return major, arg, 1 + size, nil
}

// readString reads a definite text (major 3) or byte (major 2) string of at
// most maxLen bytes and returns it aliased into b.
func readString(b []byte, major byte, maxLen int) (s []byte, n int, err error) {
	m, l, h, err := readHead(b)
	if err != nil {
		return nil, 0, err
	}
	if m != major {
		return nil, 0, malformed("major type %d, want %d", m, major)
	}
	if l > uint64(len(b)-h) || l > uint64(maxLen) {
		return nil, 0, malformed("string length %d out of bounds", l)
	}
	s = b[h : h+int(l)]
	if major == majorText && !utf8.Valid(s) {
		return nil, 0, malformed("text not UTF-8")
	}
	return s, h + int(l), nil
}

func readUint(b []byte) (uint64, int, error) {
	m, v, n, err := readHead(b)
	if err != nil {
		return 0, 0, err
	}
	if m != majorUint {
		return 0, 0, malformed("major type %d, want unsigned integer", m)
	}
	return v, n, nil
}

// field bits for duplicate and presence checks.
const (
	fURI = 1 << iota
	fKID
	fKind
	fSeq
	fTS
	fArgs
	fKwargs
	fSig
	fCallID
	fProc
	fProg
	fIdx
	fRequired = fURI | fKID | fKind | fSeq | fTS | fArgs | fKwargs
)

// Decode parses a plain (uncompressed) plaintext map strictly into d. Byte
// strings in d.Args may alias b (with their capacity capped at their length),
// so b must not be modified or reused while they are in use. It
// rejects: anything but a definite map of 7 to 12 entries as the only item;
// unknown, duplicate or missing keys; "sig" anywhere but last or of a length
// other than 64; "cid" of a length other than 16; "proc" empty; "prog" without "idx" or the reverse; "prog" not a
// boolean or "idx" not an unsigned integer; seq = 0; kind or seq or ts not an unsigned integer; args not
// an array; kwargs not a map with text keys; and everything the value decoder
// rejects (see New). Errors wrap ErrMalformed.
func (c *Codec) Decode(b []byte, d *Decoded) error {
	*d = Decoded{}
	m, n, h, err := readHead(b)
	if err != nil {
		return err
	}
	if m != majorMap {
		return malformed("plaintext is major type %d, want map", m)
	}
	if n < 7 || n > 12 {
		return malformed("plaintext map has %d entries, want 7 to 12", n)
	}
	off := h
	var seen uint
	for i := range n {
		key, kn, err := readString(b[off:], majorText, 8)
		if err != nil {
			return fmt.Errorf("map key %d: %w", i, err)
		}
		off += kn
		rest := b[off:]
		var bit uint
		var vn int
		switch string(key) {
		case KeyURI:
			bit = fURI
			d.URI, vn, err = readString(rest, majorText, c.lim.MaxURI)
		case KeyKeyID:
			bit = fKID
			d.KeyID, vn, err = readString(rest, majorText, c.lim.MaxKeyID)
		case KeyKind:
			bit = fKind
			var k uint64
			k, vn, err = readUint(rest)
			if err == nil && (k == 0 || k > 255) {
				err = malformed("kind %d out of range", k)
			}
			d.Kind = uint8(k)
		case KeySeq:
			bit = fSeq
			d.Seq, vn, err = readUint(rest)
			if err == nil && d.Seq == 0 {
				err = malformed("seq is 0")
			}
		case KeyTS:
			bit = fTS
			d.TS, vn, err = readUint(rest)
		case KeyCallID:
			bit = fCallID
			d.CallID, vn, err = readString(rest, majorBytes, CallIDSize)
			if err == nil && len(d.CallID) != CallIDSize {
				err = malformed("cid is %d bytes, want %d", len(d.CallID), CallIDSize)
			}
		case KeyProc:
			bit = fProc
			d.Proc, vn, err = readString(rest, majorText, c.lim.MaxURI)
			if err == nil && len(d.Proc) == 0 {
				err = malformed("proc is empty")
			}
		case KeyProg:
			bit = fProg
			if len(rest) == 0 || (rest[0] != 0xf4 && rest[0] != 0xf5) {
				err = malformed("prog is not a boolean")
				break
			}
			d.Prog, vn = rest[0] == 0xf5, 1
		case KeyIdx:
			bit = fIdx
			d.Idx, vn, err = readUint(rest)
		case KeyArgs:
			bit = fArgs
			d.Args, vn, err = c.decodeArgs(rest)
		case KeyKwargs:
			bit = fKwargs
			d.Kwargs, vn, err = c.decodeKwargs(rest)
		case KeySig:
			bit = fSig
			if i != n-1 {
				err = malformed(`"sig" is not the last entry`)
				break
			}
			d.Sig, vn, err = readString(rest, majorBytes, SigSize)
			if err == nil && len(d.Sig) != SigSize {
				err = malformed("sig is %d bytes, want %d", len(d.Sig), SigSize)
			}
			if err == nil {
				d.Signed = b[:off+vn-SigSize]
			}
		default:
			return malformed("unknown key %q", truncate(key))
		}
		if err != nil {
			return fmt.Errorf("value of %q: %w", key, err)
		}
		if seen&bit != 0 {
			return malformed("duplicate key %q", key)
		}
		seen |= bit
		off += vn
	}
	if seen&fRequired != fRequired {
		return malformed("missing keys (have %#x, want %#x)", seen, fRequired)
	}
	if (seen&fProg == 0) != (seen&fIdx == 0) {
		return malformed(`"prog" and "idx" must come together`)
	}
	d.HasIdx = seen&fIdx != 0
	want := uint64(7)
	for _, f := range [...]uint{fSig, fCallID, fProc, fProg, fIdx} {
		if seen&f != 0 {
			want++
		}
	}
	if n != want {
		return malformed("entry count does not match keys")
	}
	if off != len(b) {
		return malformed("%d trailing bytes", len(b)-off)
	}
	return nil
}

func truncate(b []byte) []byte {
	if len(b) > 16 {
		return b[:16]
	}
	return b
}

func (c *Codec) decodeArgs(b []byte) ([]any, int, error) {
	if len(b) == 0 || b[0]>>5 != majorArray {
		return nil, 0, malformed("args is not an array")
	}
	if b[0] == 0x80 { // empty array: no allocation
		return nil, 1, nil
	}
	if args, n, ok := c.decodeArgsFast(b); ok {
		return args, n, nil
	}
	var args []any
	rest, err := c.dec.UnmarshalFirst(b, &args)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return args, len(b) - len(rest), nil
}

func (c *Codec) decodeKwargs(b []byte) (map[string]any, int, error) {
	if len(b) == 0 || b[0]>>5 != majorMap {
		return nil, 0, malformed("kwargs is not a map")
	}
	if b[0] == 0xa0 { // empty map: no allocation
		return nil, 1, nil
	}
	var kw map[string]any
	rest, err := c.dec.UnmarshalFirst(b, &kw)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return kw, len(b) - len(rest), nil
}

// decodeArgsFast decodes the common case of args by hand: an array whose
// elements are unsigned or int64-range negative integers, byte strings, valid
// UTF-8 text strings, booleans, null or float64. It yields exactly what the
// general decoder would. ok = false means "not that case, use the general
// decoder", never a verdict on validity; FuzzArgsFast checks the equivalence.
func (c *Codec) decodeArgsFast(b []byte) (args []any, n int, ok bool) {
	m, cnt, off, err := readHead(b)
	if err != nil || m != majorArray || cnt > uint64(c.lim.MaxArray) || cnt > uint64(len(b)-off) {
		return nil, 0, false
	}
	args = make([]any, cnt)
	for i := range args {
		if off >= len(b) {
			return nil, 0, false
		}
		ib := b[off]
		switch ib {
		case 0xf4:
			args[i] = false
			off++
			continue
		case 0xf5:
			args[i] = true
			off++
			continue
		case 0xf6:
			args[i] = nil
			off++
			continue
		case 0xfb:
			if len(b)-off < 9 {
				return nil, 0, false
			}
			var u uint64
			for _, x := range b[off+1 : off+9] {
				u = u<<8 | uint64(x)
			}
			args[i] = math.Float64frombits(u)
			off += 9
			continue
		}
		m, v, h, err := readHead(b[off:])
		if err != nil {
			return nil, 0, false
		}
		switch m {
		case majorUint:
			args[i] = v
		case majorNeg:
			if v > math.MaxInt64 {
				return nil, 0, false
			}
			args[i] = -1 - int64(v)
		case majorBytes, majorText:
			if v > uint64(len(b)-off-h) {
				return nil, 0, false
			}
			s := b[off+h : off+h+int(v)]
			if m == majorBytes {
				args[i] = s[:len(s):len(s)] // aliases b, capacity capped
				if len(s) == 0 {
					args[i] = []byte{}
				}
			} else {
				if !utf8.Valid(s) {
					return nil, 0, false
				}
				args[i] = string(s)
			}
			h += int(v)
		default:
			return nil, 0, false
		}
		off += h
	}
	return args, off, true
}
