// Package plaintext implements the sealed plaintext of the e2ee payload
// envelope (docs/protocol.md §1.4, §1.5, §1.7): a CBOR map with text keys
//
//	{"uri": text, "kid": text, "kind": uint, "seq": uint, "ts": uint,
//	 ["cid": bytes(16)], ["proc": text], ["prog": bool, "idx": uint],
//	 "args": array, "kwargs": map, ["sig": bytes(64)]}
//
// optionally wrapped in the compressed form [1, size, bytes(raw DEFLATE)].
//
// The encoder is hand-written for the fixed fields and the common value types
// (it is on the hot path); everything else goes through fxamacker/cbor. The
// decoder is strict: the top-level map is parsed by hand (definite lengths,
// known keys only, no duplicates, "sig" last), args and kwargs are decoded by
// fxamacker/cbor with explicit limits (depth, array and map sizes, no
// indefinite lengths, no tags, duplicate keys rejected, valid UTF-8), and every
// length is checked against the input before anything is allocated.
//
// This package is internal so that it can be fuzzed alone; the envelope
// package is its only user.
package plaintext

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/fxamacker/cbor/v2"
)

// Map keys of the plaintext, in the order the encoder writes them.
const (
	KeyURI    = "uri"
	KeyKeyID  = "kid"
	KeyKind   = "kind"
	KeySeq    = "seq"
	KeyTS     = "ts"
	KeyCallID = "cid"
	KeyProc   = "proc"
	KeyProg   = "prog"
	KeyIdx    = "idx"
	KeyArgs   = "args"
	KeyKwargs = "kwargs"
	KeySig    = "sig"
)

// SigSize is the length of the optional sender signature (Ed25519).
const SigSize = 64

// CallIDSize is the length of the optional call id ("cid").
const CallIDSize = 16

// Default limits applied by New when a Limits field is zero.
const (
	DefaultMaxDepth        = 32
	DefaultMaxArray        = 65536
	DefaultMaxMap          = 65536
	DefaultMaxURI          = 4096
	DefaultMaxKeyID        = 256
	DefaultMaxDecompressed = 1 << 20
)

// ErrMalformed is wrapped by every decoding error of this package.
var ErrMalformed = errors.New("malformed plaintext")

// Limits bounds what the decoder accepts. Zero fields take the defaults above.
type Limits struct {
	// MaxDepth is the maximum nesting of arrays and maps inside args and
	// kwargs (4…65535; fxamacker's own range).
	MaxDepth int
	// MaxArray is the maximum number of elements of any array (≥ 16).
	MaxArray int
	// MaxMap is the maximum number of pairs of any map (≥ 16).
	MaxMap int
	// MaxURI is the maximum length in bytes of "uri".
	MaxURI int
	// MaxKeyID is the maximum length in bytes of "kid".
	MaxKeyID int
	// MaxDecompressed bounds the declared and actual size of a compressed
	// plaintext after decompression.
	MaxDecompressed int
}

// Message is the content of a plaintext, as given to the encoder.
type Message struct {
	URI   string
	KeyID string
	Kind  uint8
	Seq   uint64
	TS    uint64
	// CallID (nil or CallIDSize bytes) binds a CALL and its YIELD/ERROR.
	CallID []byte
	// Proc ("" if absent) is the called procedure, in an ERROR.
	Proc string
	// HasIdx writes "prog" (Prog) and "idx" (Idx): the result chunk
	// index of a YIELD and whether it is a progressive (non-final) one.
	HasIdx bool
	Prog   bool
	Idx    uint64
	Args   []any
	Kwargs map[string]any
}

// Decoded is a decoded plaintext. URI, KeyID, Sig and Signed alias the input
// buffer and are valid only as long as it is.
type Decoded struct {
	URI   []byte
	KeyID []byte
	Kind  uint8
	Seq   uint64
	TS    uint64
	// CallID is the call id (CallIDSize bytes), nil when absent.
	CallID []byte
	// Proc is the called procedure, nil when absent.
	Proc []byte
	// HasIdx reports "prog" and "idx" (always both or neither).
	HasIdx bool
	Prog   bool
	Idx    uint64
	Args   []any
	Kwargs map[string]any
	// Sig is the 64-byte sender signature, nil when absent.
	Sig []byte
	// Signed is the plaintext map without its last 64 bytes (the signature
	// value): the bytes the sender signature covers. Nil when Sig is nil.
	Signed []byte
}

// Codec encodes and decodes plaintexts. It is safe for concurrent use.
type Codec struct {
	lim Limits
	enc cbor.EncMode
	dec cbor.DecMode
}

// New returns a Codec with the given limits (zero fields take the defaults).
func New(lim Limits) (*Codec, error) {
	if lim.MaxDepth == 0 {
		lim.MaxDepth = DefaultMaxDepth
	}
	if lim.MaxArray == 0 {
		lim.MaxArray = DefaultMaxArray
	}
	if lim.MaxMap == 0 {
		lim.MaxMap = DefaultMaxMap
	}
	if lim.MaxURI == 0 {
		lim.MaxURI = DefaultMaxURI
	}
	if lim.MaxKeyID == 0 {
		lim.MaxKeyID = DefaultMaxKeyID
	}
	if lim.MaxDecompressed == 0 {
		lim.MaxDecompressed = DefaultMaxDecompressed
	}
	if lim.MaxURI < 0 || lim.MaxKeyID < 0 || lim.MaxDecompressed < 0 {
		return nil, errors.New("plaintext: negative limit")
	}
	dec, err := cbor.DecOptions{
		DupMapKey:        cbor.DupMapKeyEnforcedAPF,
		MaxNestedLevels:  lim.MaxDepth,
		MaxArrayElements: lim.MaxArray,
		MaxMapPairs:      lim.MaxMap,
		IndefLength:      cbor.IndefLengthForbidden,
		TagsMd:           cbor.TagsForbidden,
		IntDec:           cbor.IntDecConvertNone,
		DefaultMapType:   reflect.TypeFor[map[string]any](),
		UTF8:             cbor.UTF8RejectInvalid,
	}.DecMode()
	if err != nil {
		return nil, fmt.Errorf("plaintext: decoder options: %w", err)
	}
	enc, err := cbor.EncOptions{
		Sort:        cbor.SortCoreDeterministic,
		IndefLength: cbor.IndefLengthForbidden,
		TagsMd:      cbor.TagsForbidden,
		Time:        cbor.TimeUnixMicro,
	}.EncMode()
	if err != nil {
		return nil, fmt.Errorf("plaintext: encoder options: %w", err)
	}
	return &Codec{lim: lim, enc: enc, dec: dec}, nil
}

// Limits returns the effective limits of c.
func (c *Codec) Limits() Limits { return c.lim }
