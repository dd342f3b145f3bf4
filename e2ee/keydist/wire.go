package keydist

import (
	"encoding/base64"
	"math"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Wire form (docs/protocol.md §3.4). A request is the ArgumentsKw of the
// CALL to the key RPC (Arguments empty); a response is the ArgumentsKw of
// its RESULT. Binary values are []byte; on input, a JSON session's
// "\u0000"+base64 string or a plain base64 string (nexus JSON) is also
// accepted, and so is a CBOR tag-64 byte string (envelope.UntagBytes).
// Integers may arrive as any integer type or as an integral float64 ≤ 2^53
// (JSON, and JavaScript CBOR encoders above 2^32). Unknown keys are rejected; "issuer" is
// optional; a message carries either "signature" or "mac" (a request with
// "mac" also "responder_pubkey"), never both.
const (
	kwVersion      = "v"
	kwChainID      = "chain_id"
	kwRegistry     = "registry"
	kwRealm        = "realm"
	kwKeyID        = "keyid"
	kwURI          = "uri"
	kwPeerType     = "peer_type"
	kwPubKey       = "pubkey"
	kwCerts        = "certificates"
	kwIssued       = "issued"
	kwNonce        = "nonce"
	kwSignature    = "signature"
	kwScope        = "scope"
	kwMatch        = "match"
	kwReqPubKey    = "request_pubkey"
	kwReqNonce     = "request_nonce"
	kwSecret       = "secret"
	kwExpires      = "expires"
	kwIssuer       = "issuer"
	kwMAC          = "mac"
	kwRespPubKey   = "responder_pubkey"
	kwAttestation  = "attestation"
	maxWireEntries = 18
)

// EncodeRequest returns the wire map of r. The chain is r.Chain itself
// (shared, not copied); "issuer" is present only when r.Issuer is set. A
// JSON session must wrap []byte values in its binary convention (nexus:
// serialize.BinaryData). It fails if r does not pass Validate.
func EncodeRequest(r *KeyRequest) (map[string]any, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	m := map[string]any{
		kwVersion:  uint64(Version),
		kwChainID:  r.ChainID,
		kwRegistry: r.Registry.Bytes(),
		kwRealm:    r.Realm.Bytes(),
		kwKeyID:    r.KeyID,
		kwURI:      r.URI,
		kwPeerType: string(r.Role),
		kwPubKey:   append([]byte(nil), r.CSPubKey[:]...),
		kwCerts:    r.Chain,
		kwIssued:   r.IssuedAt,
		kwNonce:    append([]byte(nil), r.Nonce[:]...),
	}
	if r.Auth == AuthMAC {
		m[kwMAC] = append([]byte(nil), r.MAC[:]...)
		m[kwRespPubKey] = append([]byte(nil), r.ResponderCSPubKey[:]...)
	} else {
		m[kwSignature] = append([]byte(nil), r.Signature[:]...)
	}
	if r.Issuer != (common.Address{}) {
		m[kwIssuer] = r.Issuer.Bytes()
	}
	if r.Evidence != nil {
		m[kwAttestation] = r.Evidence
	}
	return m, nil
}

// EncodeResponse returns the wire map of r (see EncodeRequest).
func EncodeResponse(r *KeyResponse) (map[string]any, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	m := map[string]any{
		kwVersion:   uint64(Version),
		kwChainID:   r.ChainID,
		kwRegistry:  r.Registry.Bytes(),
		kwRealm:     r.Realm.Bytes(),
		kwKeyID:     r.KeyID,
		kwScope:     r.Scope.URI,
		kwMatch:     string(r.Scope.Match),
		kwPeerType:  string(r.Role),
		kwReqPubKey: append([]byte(nil), r.RequesterCSPubKey[:]...),
		kwReqNonce:  append([]byte(nil), r.RequestNonce[:]...),
		kwPubKey:    append([]byte(nil), r.CSPubKey[:]...),
		kwCerts:     r.Chain,
		kwNonce:     append([]byte(nil), r.BoxNonce[:]...),
		kwSecret:    append([]byte(nil), r.Box[:]...),
		kwExpires:   r.ExpiresAt,
	}
	if r.Auth == AuthMAC {
		m[kwMAC] = append([]byte(nil), r.MAC[:]...)
	} else {
		m[kwSignature] = append([]byte(nil), r.Signature[:]...)
	}
	if r.Issuer != (common.Address{}) {
		m[kwIssuer] = r.Issuer.Bytes()
	}
	if r.Evidence != nil {
		m[kwAttestation] = r.Evidence
	}
	return m, nil
}

// wireReader reads typed fields from a wire map, remembering the first error.
type wireReader struct {
	kw   map[string]any
	seen int
	err  error
}

func (w *wireReader) bad(field, reason string) {
	if w.err == nil {
		w.err = failf("decode", ErrMalformed, field+": "+reason)
	}
}

func (w *wireReader) get(field string) (any, bool) {
	v, ok := w.kw[field]
	if !ok {
		w.bad(field, "missing")
		return nil, false
	}
	w.seen++
	return v, true
}

func (w *wireReader) uint(field string, max uint64) uint64 {
	v, ok := w.get(field)
	if !ok {
		return 0
	}
	var u uint64
	switch x := v.(type) {
	case uint64:
		u = x
	case uint32:
		u = uint64(x)
	case uint16:
		u = uint64(x)
	case uint8:
		u = uint64(x)
	case uint:
		u = uint64(x)
	case int64, int32, int16, int8, int:
		var i int64
		switch y := x.(type) {
		case int64:
			i = y
		case int32:
			i = int64(y)
		case int16:
			i = int64(y)
		case int8:
			i = int64(y)
		case int:
			i = int64(y)
		}
		if i < 0 {
			w.bad(field, "negative")
			return 0
		}
		u = uint64(i)
	case float64:
		if x < 0 || x > 1<<53 || x != math.Trunc(x) {
			w.bad(field, "not an exact integer")
			return 0
		}
		u = uint64(x)
	default:
		w.bad(field, "not an integer")
		return 0
	}
	if u > max {
		w.bad(field, "out of range")
		return 0
	}
	return u
}

func (w *wireReader) str(field string, maxLen int) string {
	v, ok := w.get(field)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		w.bad(field, "not a string")
		return ""
	}
	if len(s) > maxLen {
		w.bad(field, "too long")
		return ""
	}
	return s
}

// bytes reads a binary field of minLen…maxLen bytes.
func (w *wireReader) bytes(field string, minLen, maxLen int) []byte {
	v, ok := w.get(field)
	if !ok {
		return nil
	}
	var b []byte
	switch x := envelope.UntagBytes(v).(type) {
	case []byte:
		b = x
	case string:
		if len(x) > 0 && x[0] == 0 {
			x = x[1:]
		}
		if len(x) > base64.StdEncoding.EncodedLen(maxLen) {
			w.bad(field, "too long")
			return nil
		}
		d, err := base64.StdEncoding.DecodeString(x)
		if err != nil {
			w.bad(field, "not base64")
			return nil
		}
		b = d
	default:
		w.bad(field, "not binary")
		return nil
	}
	if len(b) < minLen || len(b) > maxLen {
		w.bad(field, "wrong length")
		return nil
	}
	return b
}

func (w *wireReader) fixed(field string, dst []byte) {
	if b := w.bytes(field, len(dst), len(dst)); b != nil {
		copy(dst, b)
	}
}

func (w *wireReader) address(field string) (a common.Address) {
	w.fixed(field, a[:])
	return a
}

// chain reads the wire chain as bytes (copied from the input) and checks
// only its array header; the certificates are parsed, once, by the
// verifier's cert.Cache.
func (w *wireReader) chain(field string) []byte {
	b := w.bytes(field, 1, cert.MaxChainSize)
	if b == nil {
		return nil
	}
	if _, ok := chainCount(b); !ok {
		w.bad(field, "not a CBOR array of 1…8 certificates")
		return nil
	}
	return append([]byte(nil), b...)
}

// optEvidence reads the optional attestation evidence (copied).
func (w *wireReader) optEvidence() []byte {
	if _, ok := w.kw[kwAttestation]; !ok {
		return nil
	}
	if b := w.bytes(kwAttestation, 1, attest.MaxEvidenceSize); b != nil {
		return append([]byte(nil), b...)
	}
	return nil
}

// optAddress reads an optional address; when present it must not be the
// zero address (absent is its only encoding).
func (w *wireReader) optAddress(field string) (a common.Address) {
	if _, ok := w.kw[field]; !ok {
		return a
	}
	w.fixed(field, a[:])
	if w.err == nil && a == (common.Address{}) {
		w.bad(field, "zero address (omit the key instead)")
	}
	return a
}

func (w *wireReader) finish() error {
	if w.err == nil && w.seen != len(w.kw) {
		w.bad("map", "unknown keys")
	}
	return w.err
}

func newWireReader(kw map[string]any) (*wireReader, error) {
	if kw == nil {
		return nil, failf("decode", ErrMalformed, "no arguments")
	}
	if len(kw) > maxWireEntries {
		return nil, failf("decode", ErrMalformed, "too many keys")
	}
	w := &wireReader{kw: kw}
	if v := w.uint(kwVersion, math.MaxUint64); w.err == nil && v != Version {
		w.bad(kwVersion, "unsupported version")
	}
	return w, w.err
}

// DecodeRequest parses the wire map of a key request strictly: every
// required key present with the right type and length, no unknown key, and
// KeyRequest.Validate. The chain is kept as bytes (KeyRequest.Chain): only
// its CBOR array header is checked here, the certificates are parsed and
// verified by Responder.VerifyRequest (once per distinct chain). It never
// panics; errors match ErrMalformed (or ErrRole) and never echo key
// material.
func DecodeRequest(kw map[string]any) (*KeyRequest, error) {
	w, err := newWireReader(kw)
	if err != nil {
		return nil, err
	}
	r := &KeyRequest{
		ChainID:  w.uint(kwChainID, math.MaxUint64),
		Registry: w.address(kwRegistry),
		Realm:    w.address(kwRealm),
		KeyID:    w.str(kwKeyID, 64),
		URI:      w.str(kwURI, MaxURILength),
		Role:     e2ee.Role(w.str(kwPeerType, 16)),
		IssuedAt: w.uint(kwIssued, math.MaxInt64),
		Issuer:   w.optAddress(kwIssuer),
	}
	w.fixed(kwPubKey, r.CSPubKey[:])
	w.fixed(kwNonce, r.Nonce[:])
	if _, ok := kw[kwMAC]; ok {
		r.Auth = AuthMAC
		w.fixed(kwMAC, r.MAC[:])
		w.fixed(kwRespPubKey, r.ResponderCSPubKey[:])
	} else {
		w.fixed(kwSignature, r.Signature[:])
	}
	if w.err == nil {
		r.Chain = w.chain(kwCerts)
	}
	r.Evidence = w.optEvidence()
	if err := w.finish(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r, nil
}

// DecodeResponse parses the wire map of a key response strictly (see
// DecodeRequest).
func DecodeResponse(kw map[string]any) (*KeyResponse, error) {
	w, err := newWireReader(kw)
	if err != nil {
		return nil, err
	}
	r := &KeyResponse{
		ChainID:   w.uint(kwChainID, math.MaxUint64),
		Registry:  w.address(kwRegistry),
		Realm:     w.address(kwRealm),
		KeyID:     w.str(kwKeyID, 64),
		Scope:     Scope{URI: w.str(kwScope, MaxURILength), Match: e2ee.Match(w.str(kwMatch, 16))},
		Role:      e2ee.Role(w.str(kwPeerType, 16)),
		ExpiresAt: w.uint(kwExpires, math.MaxInt64),
		Issuer:    w.optAddress(kwIssuer),
	}
	w.fixed(kwReqPubKey, r.RequesterCSPubKey[:])
	w.fixed(kwReqNonce, r.RequestNonce[:])
	w.fixed(kwPubKey, r.CSPubKey[:])
	w.fixed(kwNonce, r.BoxNonce[:])
	w.fixed(kwSecret, r.Box[:])
	if _, ok := kw[kwMAC]; ok {
		r.Auth = AuthMAC
		w.fixed(kwMAC, r.MAC[:])
	} else {
		w.fixed(kwSignature, r.Signature[:])
	}
	if w.err == nil {
		r.Chain = w.chain(kwCerts)
	}
	r.Evidence = w.optEvidence()
	if err := w.finish(); err != nil {
		return nil, err
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return r, nil
}
