package attest

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/fxamacker/cbor/v2"
)

// Limits of evidence. The decoder enforces them before any TPM structure is
// parsed.
const (
	// Version is the value of the "v" field.
	Version = 1
	// MaxEvidenceSize bounds encoded evidence.
	MaxEvidenceSize = 64 << 10
	// MaxTPMStructSize bounds each TPM structure (AK public, quote, signature).
	MaxTPMStructSize = 1024
	// MaxPCRs bounds the selected PCRs (a SHA-256 bank has 24).
	MaxPCRs = 24
	// MaxEvents bounds the event log.
	MaxEvents = 1024
	// MaxEventDescription bounds an event's description in bytes.
	MaxEventDescription = 256
)

// Event is one entry of an event log: EventDigest(event) was extended into
// PCR with TPM2_PCR_Extend (SHA-256 bank). Digest is the SHA-256 of what was
// measured and Description says what it was; both are bound by the extended
// value, so neither can be changed without the log failing to replay.
type Event struct {
	_           struct{} `cbor:",toarray"`
	PCR         uint32
	Digest      []byte
	Description string
}

// Evidence is a TPM quote with what a verifier needs to check it. Its wire
// form is a CBOR map (EncodeEvidence, DecodeEvidence; docs/protocol.md §5).
type Evidence struct {
	// V is Version.
	V uint64 `cbor:"v"`
	// AK is the attestation key's public area (TPMT_PUBLIC).
	AK []byte `cbor:"ak"`
	// Quote is the signed TPMS_ATTEST of TPM2_Quote.
	Quote []byte `cbor:"quote"`
	// Signature is the TPMT_SIGNATURE over Quote by AK.
	Signature []byte `cbor:"sig"`
	// PCRs are the values of the quoted SHA-256 PCRs, in ascending PCR
	// order (the quote's selection).
	PCRs [][]byte `cbor:"pcrs"`
	// QuotedAt is the node's clock when it asked for the quote, Unix
	// milliseconds; it is part of the qualifying data.
	QuotedAt uint64 `cbor:"at"`
	// Log is the optional event log: replayed from all-zero PCRs it must
	// yield PCRs.
	Log []Event `cbor:"log,omitempty"`
}

var (
	evDec cbor.DecMode
	evEnc cbor.EncMode
)

func init() {
	var err error
	evDec, err = cbor.DecOptions{
		DupMapKey:         cbor.DupMapKeyEnforcedAPF,
		MaxNestedLevels:   4,
		MaxArrayElements:  MaxEvents,
		MaxMapPairs:       16,
		IndefLength:       cbor.IndefLengthForbidden,
		TagsMd:            cbor.TagsForbidden,
		IntDec:            cbor.IntDecConvertNone,
		UTF8:              cbor.UTF8RejectInvalid,
		ExtraReturnErrors: cbor.ExtraDecErrorUnknownField,
		DefaultMapType:    reflect.TypeOf(map[string]any(nil)),
	}.DecMode()
	if err != nil {
		panic(err)
	}
	evEnc, err = cbor.EncOptions{
		Sort:        cbor.SortCoreDeterministic,
		IndefLength: cbor.IndefLengthForbidden,
		TagsMd:      cbor.TagsForbidden,
	}.EncMode()
	if err != nil {
		panic(err)
	}
}

// EncodeEvidence returns the deterministic CBOR form of e. It fails if e
// does not pass e.Validate.
func EncodeEvidence(e *Evidence) ([]byte, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	b, err := evEnc.Marshal(e)
	if err != nil {
		return nil, refuse(ErrMalformed, "encode: %v", err)
	}
	if len(b) > MaxEvidenceSize {
		return nil, refuse(ErrMalformed, "encoded evidence is %d bytes, more than %d", len(b), MaxEvidenceSize)
	}
	return b, nil
}

// DecodeEvidence parses the wire form strictly: a CBOR map with exactly the
// keys of Evidence (log optional), no duplicates, tags, indefinite lengths
// or trailing bytes, every field within its bound. It does not parse the TPM
// structures or verify anything. It never panics; errors match ErrMalformed.
func DecodeEvidence(b []byte) (*Evidence, error) {
	if len(b) == 0 || len(b) > MaxEvidenceSize {
		return nil, refuse(ErrMalformed, "evidence is %d bytes, want 1…%d", len(b), MaxEvidenceSize)
	}
	if b[0] != 0xa6 && b[0] != 0xa7 { // a definite map of 6 or 7 pairs
		return nil, refuse(ErrMalformed, "not a map of the evidence fields")
	}
	var e Evidence
	if err := evDec.Unmarshal(b, &e); err != nil {
		return nil, refuse(ErrMalformed, "decode: %v", err)
	}
	if (b[0] == 0xa7) != (len(e.Log) > 0) {
		return nil, refuse(ErrMalformed, "missing fields")
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return &e, nil
}

// Validate checks the bounds of e's fields.
func (e *Evidence) Validate() error {
	switch {
	case e.V != Version:
		return refuse(ErrMalformed, "version %d", e.V)
	case len(e.AK) == 0 || len(e.AK) > MaxTPMStructSize:
		return refuse(ErrMalformed, "ak: %d bytes", len(e.AK))
	case len(e.Quote) == 0 || len(e.Quote) > MaxTPMStructSize:
		return refuse(ErrMalformed, "quote: %d bytes", len(e.Quote))
	case len(e.Signature) == 0 || len(e.Signature) > MaxTPMStructSize:
		return refuse(ErrMalformed, "sig: %d bytes", len(e.Signature))
	case len(e.PCRs) == 0 || len(e.PCRs) > MaxPCRs:
		return refuse(ErrMalformed, "pcrs: %d values", len(e.PCRs))
	case len(e.Log) > MaxEvents:
		return refuse(ErrMalformed, "log: %d events", len(e.Log))
	}
	for i, p := range e.PCRs {
		if len(p) != sha256.Size {
			return refuse(ErrMalformed, "pcrs[%d]: %d bytes", i, len(p))
		}
	}
	for i, ev := range e.Log {
		if ev.PCR >= MaxPCRs || len(ev.Digest) != sha256.Size || len(ev.Description) > MaxEventDescription || !utf8.ValidString(ev.Description) {
			return refuse(ErrMalformed, "log[%d]: bad event", i)
		}
	}
	return nil
}

// Digest is the SHA-256 of encoded evidence, its identity in caches.
func Digest(encoded []byte) [32]byte { return sha256.Sum256(encoded) }

// Subject is who evidence must be about: the values its qualifying data binds.
type Subject struct {
	// ChainID is the chain of the trust registry.
	ChainID uint64
	// Delegate is the delegate's address.
	Delegate common.Address
	// CSPubKey is the delegate's Ed25519 client-session public key (the
	// csPubKey of its delegate certificate).
	CSPubKey [32]byte
	// BootedAt is the delegate certificate's bootedAt (UTC Unix ns).
	BootedAt uint64
}

const qualifyingLabel = "WAMP-E2EE attestation v1"

// QualifyingData is the TPM2_Quote qualifying data (extraData) for evidence
// about s quoted at quotedAt (Unix ms):
//
//	SHA-256("WAMP-E2EE attestation v1" ‖ uint64 chainId ‖ delegate (20) ‖
//	        csPubKey (32) ‖ uint64 bootedAt ‖ uint64 quotedAt)
//
// integers big-endian.
func QualifyingData(s Subject, quotedAt uint64) [32]byte {
	var buf [len(qualifyingLabel) + 8 + 20 + 32 + 8 + 8]byte
	n := copy(buf[:], qualifyingLabel)
	binary.BigEndian.PutUint64(buf[n:], s.ChainID)
	n += 8
	n += copy(buf[n:], s.Delegate[:])
	n += copy(buf[n:], s.CSPubKey[:])
	binary.BigEndian.PutUint64(buf[n:], s.BootedAt)
	n += 8
	binary.BigEndian.PutUint64(buf[n:], quotedAt)
	return sha256.Sum256(buf[:])
}

const measurementLabel = "WAMP-E2EE measurement v1"

// algSHA256 is TPM_ALG_SHA256.
const algSHA256 = 0x000B

// Measurement is what a realm allows or revokes: a digest binding the PCR
// selection (SHA-256 bank, bit i = PCR i) to the quote's PCR digest,
//
//	SHA-256("WAMP-E2EE measurement v1" ‖ uint16 0x000B ‖ uint32 bitmap ‖ pcrDigest)
//
// so the same values over another selection are another measurement.
func Measurement(pcrs []int, pcrDigest []byte) [32]byte {
	bitmap := SelectionBitmap(pcrs)
	h := sha256.New()
	h.Write([]byte(measurementLabel))
	var b [6]byte
	binary.BigEndian.PutUint16(b[:], algSHA256)
	binary.BigEndian.PutUint32(b[2:], bitmap)
	h.Write(b[:])
	h.Write(pcrDigest)
	var m [32]byte
	h.Sum(m[:0])
	return m
}

// PCRDigest is the digest TPM2_Quote signs over SHA-256 PCR values given in
// ascending PCR order: SHA-256 of their concatenation.
func PCRDigest(values [][]byte) [32]byte {
	h := sha256.New()
	for _, v := range values {
		h.Write(v)
	}
	var d [32]byte
	h.Sum(d[:0])
	return d
}

const eventLabel = "WAMP-E2EE event v1"

// EventDigest is the value an event extends into its PCR:
//
//	SHA-256("WAMP-E2EE event v1" ‖ uint16 len(description) ‖ description ‖ digest)
func EventDigest(ev Event) [32]byte {
	h := sha256.New()
	h.Write([]byte(eventLabel))
	var n [2]byte
	binary.BigEndian.PutUint16(n[:], uint16(len(ev.Description)))
	h.Write(n[:])
	h.Write([]byte(ev.Description))
	h.Write(ev.Digest)
	var d [32]byte
	h.Sum(d[:0])
	return d
}

// replay extends all-zero PCRs with the events of log and returns the
// values of pcrs (ascending).
func replay(log []Event, pcrs []int) [][]byte {
	var bank [MaxPCRs][32]byte
	for _, ev := range log {
		d := EventDigest(ev)
		h := sha256.New()
		h.Write(bank[ev.PCR][:])
		h.Write(d[:])
		h.Sum(bank[ev.PCR][:0])
	}
	out := make([][]byte, len(pcrs))
	for i, p := range pcrs {
		out[i] = bank[p][:]
	}
	return out
}

// checkLog verifies that log replays to values over the selection pcrs and
// that every event is for a selected PCR.
func checkLog(log []Event, pcrs []int, values [][]byte) error {
	if !sort.IntsAreSorted(pcrs) {
		return errors.New("selection not sorted")
	}
	selected := map[uint32]bool{}
	for _, p := range pcrs {
		selected[uint32(p)] = true
	}
	for i, ev := range log {
		if !selected[ev.PCR] {
			return fmt.Errorf("event %d extends PCR %d, which is not quoted", i, ev.PCR)
		}
	}
	got := replay(log, pcrs)
	for i := range got {
		if string(got[i]) != string(values[i]) {
			return fmt.Errorf("PCR %d: log replays to another value", pcrs[i])
		}
	}
	return nil
}
