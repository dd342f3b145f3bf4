// Package envelope seals and opens e2ee-node payloads: the WAMP Payload
// Passthru Mode (PPT) envelope of docs/protocol.md §1.
//
// A sealed message carries the options
//
//	ppt_scheme: "wamp", ppt_serializer: "cbor",
//	ppt_cipher: "xsalsa20poly1305", ppt_keyid: "<locator>.<keytag>"
//
// and Arguments = [payload], ArgumentsKw absent, where
//
//	payload = nonce(24) ‖ secretbox(key, nonce, plaintext)
//
// (the layout of PyNaCl's SecretBox.encrypt), or with ppt_cipher "aes256gcm"
// nonce(12) ‖ AES-256-GCM ciphertext ‖ tag(16) (cipher.go), and plaintext is a strict CBOR
// map binding args, kwargs, the delivery URI, the message kind, the key id, a
// sequence number and a timestamp, optionally signed by the originator's
// client-session Ed25519 key and optionally DEFLATE-compressed.
//
// Most users need two types: a Sealer on the sending side (Seal, then
// PutOptions) and an Opener on the receiving side (Open). Both reuse internal
// buffers and are meant to live one per session or goroutine; neither is safe
// for concurrent use. Payload keys, key ids and sequence numbers come from
// package keyring, which also implements KeyLookup for received keys.
//
// Open returns errors that wrap exactly one of the sentinel errors below, in
// the order the checks run; ErrorURI maps them to WAMP error URIs.
package envelope

import (
	"errors"

	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/plaintext"
)

// Sizes of the secretbox construction.
const (
	// KeySize is the size of a payload key.
	KeySize = 32
	// NonceSize is the size of the nonce that starts every payload.
	NonceSize = 24
	// CallIDSize is the size of a call id (Message.CallID).
	CallIDSize = plaintext.CallIDSize
	// Overhead is the number of bytes a payload adds to its plaintext
	// (nonce and Poly1305 tag).
	Overhead = NonceSize + 16
)

// DefaultMaxPlaintext bounds the (decompressed) plaintext of a payload unless
// configured otherwise: 1 MiB.
const DefaultMaxPlaintext = 1 << 20

// The rejection reasons of Open, in the order they are checked. Every error
// returned by Open wraps exactly one of them (test with errors.Is).
var (
	// ErrMalformed: the ppt_* options, the arguments or the payload framing
	// are invalid (wrong types or values, not exactly one binary argument,
	// plaintext ArgumentsKw present, payload too short or too long).
	ErrMalformed = errors.New("e2ee: malformed PPT message")
	// ErrUnknownKey: the key lookup does not know ppt_keyid; the caller
	// should fetch the key through the key RPC (KeyID.KeyRPCURI) and retry.
	ErrUnknownKey = errors.New("e2ee: unknown payload key")
	// ErrKeyScope: the key is known but was not issued for the delivery's
	// URI or message kind (ReceiveState.Scope): a holder of one key tries
	// to write on another URI or in another role.
	ErrKeyScope = errors.New("e2ee: payload key not issued for this URI or kind")
	// ErrBadMAC: the payload does not authenticate under the key.
	ErrBadMAC = errors.New("e2ee: payload authentication failed")
	// ErrMalformedPlaintext: the payload authenticated but its plaintext
	// (compressed form or CBOR map) is invalid. Only a key holder can cause
	// this.
	ErrMalformedPlaintext = errors.New("e2ee: malformed plaintext")
	// ErrKeyIDMismatch: the plaintext's "kid" differs from ppt_keyid.
	ErrKeyIDMismatch = errors.New("e2ee: key id mismatch")
	// ErrWrongURI: the plaintext's "uri" differs from the URI the message was
	// delivered under.
	ErrWrongURI = errors.New("e2ee: payload sealed for another URI")
	// ErrWrongKind: the plaintext's "kind" does not fit the message type.
	ErrWrongKind = errors.New("e2ee: payload sealed for another message kind")
	// ErrWrongCall: a RESULT or ERROR does not echo the call id of the
	// receiver's CALL, or an ERROR names another procedure: an answer
	// replayed into another call.
	ErrWrongCall = errors.New("e2ee: payload answers another call")
	// ErrReplay: the sequence number was seen before or is older than the
	// replay window, or the timestamp is outside the freshness bound.
	ErrReplay = errors.New("e2ee: replayed or stale payload")
	// ErrBadSenderSignature: a sender signature is required but missing or
	// unverifiable, or a present signature does not verify.
	ErrBadSenderSignature = errors.New("e2ee: bad sender signature")
)

// WAMP error URIs proposed for the node (docs/protocol.md §1.6), one per
// rejection reason.
const (
	ErrorURIMalformed          = "wamp.e2ee.error.malformed"
	ErrorURIUnknownKey         = "wamp.e2ee.error.unknown_key"
	ErrorURIKeyScope           = "wamp.e2ee.error.key_scope"
	ErrorURIBadMAC             = "wamp.e2ee.error.bad_mac"
	ErrorURIMalformedPlaintext = "wamp.e2ee.error.malformed_plaintext"
	ErrorURIKeyIDMismatch      = "wamp.e2ee.error.key_id_mismatch"
	ErrorURIWrongURI           = "wamp.e2ee.error.wrong_uri"
	ErrorURIWrongKind          = "wamp.e2ee.error.wrong_kind"
	ErrorURIWrongCall          = "wamp.e2ee.error.wrong_call"
	ErrorURIReplay             = "wamp.e2ee.error.replay"
	ErrorURIBadSenderSignature = "wamp.e2ee.error.bad_sender_signature"
)

// ErrorURI returns the WAMP error URI for an error returned by Open, or "" if
// err wraps none of this package's sentinel errors.
func ErrorURI(err error) string {
	switch {
	case errors.Is(err, ErrMalformed):
		return ErrorURIMalformed
	case errors.Is(err, ErrUnknownKey):
		return ErrorURIUnknownKey
	case errors.Is(err, ErrKeyScope):
		return ErrorURIKeyScope
	case errors.Is(err, ErrBadMAC):
		return ErrorURIBadMAC
	case errors.Is(err, ErrMalformedPlaintext):
		return ErrorURIMalformedPlaintext
	case errors.Is(err, ErrKeyIDMismatch):
		return ErrorURIKeyIDMismatch
	case errors.Is(err, ErrWrongURI):
		return ErrorURIWrongURI
	case errors.Is(err, ErrWrongKind):
		return ErrorURIWrongKind
	case errors.Is(err, ErrWrongCall):
		return ErrorURIWrongCall
	case errors.Is(err, ErrReplay):
		return ErrorURIReplay
	case errors.Is(err, ErrBadSenderSignature):
		return ErrorURIBadSenderSignature
	}
	return ""
}

// Limits bounds what Open accepts inside a plaintext. Zero fields take the
// defaults.
type Limits struct {
	// MaxPlaintext bounds the payload (MaxPlaintext+Overhead) and the
	// decompressed plaintext. Default DefaultMaxPlaintext.
	MaxPlaintext int
	// MaxDepth bounds the nesting of arrays and maps in args and kwargs
	// (4…65535, default 32).
	MaxDepth int
	// MaxArray bounds the length of any array (≥ 16, default 65536).
	MaxArray int
	// MaxMap bounds the size of any map (≥ 16, default 65536).
	MaxMap int
}

func (l Limits) codec() (*plaintext.Codec, int, error) {
	max := l.MaxPlaintext
	if max == 0 {
		max = DefaultMaxPlaintext
	}
	if max < 0 {
		return nil, 0, errors.New("envelope: negative MaxPlaintext")
	}
	c, err := plaintext.New(plaintext.Limits{
		MaxDepth: l.MaxDepth, MaxArray: l.MaxArray, MaxMap: l.MaxMap,
		MaxDecompressed: max,
	})
	if err != nil {
		return nil, 0, err
	}
	return c, max, nil
}
