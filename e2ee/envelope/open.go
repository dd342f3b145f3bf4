package envelope

import (
	"bytes"
	"crypto/ed25519"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/plaintext"
)

// ReceiveState is what a receiver knows about a payload key besides its bytes.
type ReceiveState struct {
	// Window is the replay window of the key. It must not be nil.
	Window *ReplayWindow
	// Sender is the originator's client-session Ed25519 public key, learned
	// from the verified key response; nil if unknown. Sender signatures can
	// only be verified (and required) when it is set.
	Sender ed25519.PublicKey
	// Scope restricts the URIs and message kinds the key opens (from the
	// verified key response); the zero value restricts nothing.
	Scope KeyScope
}

// KeyLookup resolves ppt_keyid values on the receiving side. keyring.Cache
// implements it.
type KeyLookup interface {
	// LookupKey copies the payload key named keyID into key and returns its
	// receive state. If the key is not known (or expired) the error must wrap
	// ErrUnknownKey. Implementations must be safe for the concurrency their
	// callers use.
	LookupKey(keyID string, key *[KeySize]byte) (ReceiveState, error)
}

// Delivery is the context a message arrived in, as known by the receiver
// (never taken from the payload).
type Delivery struct {
	// URI is the concrete URI the message was delivered under: the
	// subscription's topic, or details.topic for a pattern subscription; the
	// registered procedure, or details.procedure for a pattern registration;
	// for a RESULT the procedure that was called; for an ERROR the error URI
	// of the message.
	URI string
	// Kind is the sending message type that corresponds to the received one:
	// EVENT → KindPublish, INVOCATION → KindCall, RESULT → KindYield,
	// ERROR → KindError.
	Kind e2ee.MessageKind
	// RequireSignature rejects messages without a verified sender signature
	// (the per-URI-pattern non-repudiation mode).
	RequireSignature bool
	// ScopeURI is the URI the key must have been issued for when it differs
	// from URI: the called procedure for an ERROR. "" means URI.
	ScopeURI string
	// CallID, if not nil, is the call id the caller sent in its CALL: a
	// RESULT or ERROR must echo it (ErrWrongCall).
	CallID []byte
	// Proc, if not "", is the called procedure an ERROR must name in its
	// "proc" field (ErrWrongCall).
	Proc string
	// Cipher is the only ppt_cipher the receiver's rule for the URI allows
	// ("" means CipherXSalsa); any other is refused (ErrMalformed), so a
	// router cannot change the cipher a sender chose.
	Cipher string
	// Exclusive reports that a binary payload argument belongs to this
	// message alone (a frame decoded for this receiver, not bytes shared
	// with other receivers): Open then decrypts over it instead of into a
	// new buffer, and the opened byte strings alias it. Whatever the
	// outcome, the payload's bytes are unspecified after Open.
	Exclusive bool
}

// Opened is a successfully opened message. Args and Kwargs never alias the
// Opener's buffers, nor the payload unless Delivery.Exclusive; byte strings
// in Args may share one buffer holding the decrypted plaintext (each with
// its capacity capped at its length, so appending to one never touches
// another).
type Opened struct {
	Args   []any
	Kwargs map[string]any
	// KeyID is the ppt_keyid (the string from the options).
	KeyID string
	Seq   uint64
	// TS is the sender's timestamp in Unix milliseconds.
	TS uint64
	// Signed reports a present and verified sender signature.
	Signed bool
	// Compressed reports that the plaintext was in the compressed form.
	Compressed bool
	// CallID is the call id of the plaintext (valid if HasCallID).
	CallID    [CallIDSize]byte
	HasCallID bool
	// HasIndex reports the sealed result chunk fields of a YIELD: Index
	// (0, 1, 2, … within the call) and Progress (a non-final chunk).
	HasIndex bool
	Progress bool
	Index    uint64
}

// OpenOptions configures an Opener. The zero value is valid.
type OpenOptions struct {
	// Limits bounds payloads and plaintexts.
	Limits Limits
	// MaxAge, if > 0, rejects (ErrReplay) messages whose timestamp is older
	// than now − MaxAge or newer than now + MaxSkew. The sequence window
	// always applies; this bounds how long a message stays acceptable to a
	// receiver that has never seen its key before.
	MaxAge time.Duration
	// MaxSkew is the tolerated clock skew into the future when MaxAge is set;
	// 0 means one minute.
	MaxSkew time.Duration
	// Now is the clock for MaxAge. Nil means time.Now.
	Now func() time.Time
}

// Opener opens messages, reusing its buffers. It is not safe for concurrent
// use; use one per session or goroutine.
type Opener struct {
	opts  OpenOptions
	codec *plaintext.Codec
	max   int
	unz   plaintext.Decompressor
	b64   []byte
	dec   plaintext.Decoded
	key   [KeySize]byte // copy of the current key during Open, zeroed after
	gcm   gcmCache
}

// NewOpener returns an Opener with the given options.
func NewOpener(opts OpenOptions) (*Opener, error) {
	codec, max, err := opts.Limits.codec()
	if err != nil {
		return nil, err
	}
	if opts.MaxAge < 0 || opts.MaxSkew < 0 {
		return nil, errors.New("envelope: negative MaxAge or MaxSkew")
	}
	if opts.MaxSkew == 0 {
		opts.MaxSkew = time.Minute
	}
	return &Opener{opts: opts, codec: codec, max: max}, nil
}

// Open verifies and decrypts a received PPT message: options are the
// message's details/options as received (only the ppt_* entries are read),
// args and kwargs its Arguments and ArgumentsKw. The checks run in this
// order and fail with an error wrapping the named sentinel:
//
//  1. options, arguments and payload framing (ErrMalformed), including a
//     ppt_cipher other than d.Cipher;
//  2. keys.LookupKey(ppt_keyid) (ErrUnknownKey: fetch the key and retry),
//     then the key's scope: it must cover d.ScopeURI (or d.URI) and d.Kind
//     (ErrKeyScope);
//  3. the Poly1305 or GCM tag (ErrBadMAC);
//  4. the compressed form and plaintext map (ErrMalformedPlaintext);
//  5. "kid" = ppt_keyid (ErrKeyIDMismatch);
//  6. "uri" = d.URI (ErrWrongURI);
//  7. "kind" = d.Kind (ErrWrongKind);
//     7b. "cid" present only in CALL, YIELD and ERROR and equal to d.CallID
//     when that is set; "proc" only in ERROR and equal to d.Proc when that is
//     set; "prog"/"idx" only in YIELD (ErrWrongCall; the caller checks
//     their values against the call's state);
//  8. the replay window and, if configured, the timestamp (ErrReplay);
//  9. the sender signature (ErrBadSenderSignature): verified whenever present
//     and the sender key is known; required if d.RequireSignature.
//
// Only then is seq recorded in the replay window. Open never panics and
// returns no key material in errors.
func (o *Opener) Open(options map[string]any, args []any, kwargs map[string]any, d Delivery, keys KeyLookup) (Opened, error) {
	kid, cph, err := parseOptions(options, d.Cipher)
	if err != nil {
		return Opened{}, err
	}
	if len(args) != 1 {
		return Opened{}, fmt.Errorf("%w: %d arguments, want exactly one", ErrMalformed, len(args))
	}
	if len(kwargs) != 0 {
		return Opened{}, fmt.Errorf("%w: ArgumentsKw must be absent", ErrMalformed)
	}
	over := cipherOverhead(cph)
	payload, decoded, err := payloadBytes(args[0], &o.b64, o.max+over)
	// Decrypting in place is allowed over an exclusive payload, never over
	// o.b64 (reused for the next message).
	inPlace := d.Exclusive && !decoded
	if err != nil {
		return Opened{}, err
	}
	if len(payload) <= over || len(payload) > o.max+over {
		return Opened{}, fmt.Errorf("%w: payload of %d bytes outside (%d, %d]", ErrMalformed, len(payload), over, o.max+over)
	}
	if keys == nil {
		return Opened{}, fmt.Errorf("%w: no key lookup", ErrUnknownKey)
	}

	key := &o.key // a field, not a local: passing a local to the interface would allocate
	defer clear(key[:])
	st, err := keys.LookupKey(kid, key)
	if err != nil {
		if !errors.Is(err, ErrUnknownKey) {
			err = fmt.Errorf("%w: %w", ErrUnknownKey, err)
		}
		return Opened{}, err
	}
	if st.Window == nil {
		return Opened{}, fmt.Errorf("%w: key lookup returned no replay window", ErrUnknownKey)
	}
	scopeURI := d.ScopeURI
	if scopeURI == "" {
		scopeURI = d.URI
	}
	if !st.Scope.Allows(scopeURI, d.Kind) {
		return Opened{}, fmt.Errorf("%w: key not issued for this URI or %s messages", ErrKeyScope, d.Kind)
	}

	// Decrypt into a fresh buffer or over an exclusive payload: decoded
	// byte strings alias it, which saves copying them, and it is never
	// reused.
	var pt []byte
	if cph == CipherAESGCM {
		aead, err := o.gcm.get(key)
		if err != nil {
			return Opened{}, fmt.Errorf("%w: %w", ErrBadMAC, err)
		}
		// In place, the plaintext goes over ct; the nonce before it is
		// left alone (a copy would escape through the interface).
		ct := payload[GCMNonceSize:]
		dst := ct[:0]
		if !inPlace {
			dst = make([]byte, 0, len(payload)-over)
		}
		pt, err = aead.Open(dst, payload[:GCMNonceSize], ct, gcmAD)
		if err != nil {
			return Opened{}, ErrBadMAC
		}
	} else {
		var nonce [NonceSize]byte
		copy(nonce[:], payload)
		var ok bool
		if inPlace {
			pt, ok = openInPlace(payload[NonceSize:], &nonce, key)
		} else {
			pt, ok = secretbox.Open(make([]byte, 0, len(payload)-over), payload[NonceSize:], &nonce, key)
		}
		if !ok {
			return Opened{}, ErrBadMAC
		}
	}
	compressed := plaintext.IsCompressed(pt)
	if compressed {
		pt, err = o.unz.Decompress(nil, pt, o.max)
		if err != nil {
			return Opened{}, fmt.Errorf("%w: %w", ErrMalformedPlaintext, err)
		}
	}
	dec := &o.dec
	if err := o.codec.Decode(pt, dec); err != nil {
		return Opened{}, fmt.Errorf("%w: %w", ErrMalformedPlaintext, err)
	}
	if !e2ee.MessageKind(dec.Kind).Valid() {
		return Opened{}, fmt.Errorf("%w: undefined kind %d", ErrMalformedPlaintext, dec.Kind)
	}
	if string(dec.KeyID) != kid {
		return Opened{}, ErrKeyIDMismatch
	}
	if string(dec.URI) != d.URI {
		return Opened{}, ErrWrongURI
	}
	if e2ee.MessageKind(dec.Kind) != d.Kind {
		return Opened{}, fmt.Errorf("%w: sealed for %s, delivered as %s", ErrWrongKind, e2ee.MessageKind(dec.Kind), d.Kind)
	}
	if err := checkCall(dec, d); err != nil {
		return Opened{}, err
	}
	if cph == CipherAESGCM && dec.Seq > GCMMaxMessages {
		return Opened{}, fmt.Errorf("%w: sequence %d beyond the aes256gcm key budget", ErrReplay, dec.Seq)
	}
	if err := st.Window.Check(dec.Seq); err != nil {
		return Opened{}, err
	}
	if o.opts.MaxAge > 0 {
		if err := o.checkTime(dec.TS); err != nil {
			return Opened{}, err
		}
	}
	signed := false
	if dec.Sig != nil && st.Sender != nil {
		if len(st.Sender) != ed25519.PublicKeySize {
			return Opened{}, fmt.Errorf("%w: sender key has %d bytes", ErrBadSenderSignature, len(st.Sender))
		}
		digest := signDigest(dec.Signed)
		if !ed25519.Verify(st.Sender, digest[:], dec.Sig) {
			return Opened{}, fmt.Errorf("%w: signature does not verify", ErrBadSenderSignature)
		}
		signed = true
	}
	if d.RequireSignature && !signed {
		if dec.Sig == nil {
			return Opened{}, fmt.Errorf("%w: signature required but absent", ErrBadSenderSignature)
		}
		return Opened{}, fmt.Errorf("%w: signature required but sender key unknown", ErrBadSenderSignature)
	}
	if err := st.Window.Accept(dec.Seq); err != nil {
		return Opened{}, err
	}
	res := Opened{
		Args: dec.Args, Kwargs: dec.Kwargs, KeyID: kid,
		Seq: dec.Seq, TS: dec.TS, Signed: signed, Compressed: compressed,
	}
	if dec.CallID != nil {
		copy(res.CallID[:], dec.CallID)
		res.HasCallID = true
	}
	res.HasIndex, res.Progress, res.Index = dec.HasIdx, dec.Prog, dec.Idx
	*dec = plaintext.Decoded{}
	return res, nil
}

// checkCall checks the call binding of a plaintext (docs/protocol.md §1.4).
func checkCall(dec *plaintext.Decoded, d Delivery) error {
	kind := e2ee.MessageKind(dec.Kind)
	if dec.CallID != nil && kind == e2ee.KindPublish {
		return fmt.Errorf("%w: call id in a publish payload", ErrWrongCall)
	}
	if dec.HasIdx && kind != e2ee.KindYield {
		return fmt.Errorf("%w: result chunk index in a %s payload", ErrWrongCall, kind)
	}
	if dec.Proc != nil && kind != e2ee.KindError {
		return fmt.Errorf("%w: proc in a %s payload", ErrWrongCall, kind)
	}
	if d.CallID != nil && !bytes.Equal(dec.CallID, d.CallID) {
		return fmt.Errorf("%w: call id does not match the call", ErrWrongCall)
	}
	if d.Proc != "" && string(dec.Proc) != d.Proc {
		return fmt.Errorf("%w: error sealed for another procedure", ErrWrongCall)
	}
	return nil
}

func (o *Opener) checkTime(ts uint64) error {
	var now time.Time
	if o.opts.Now != nil {
		now = o.opts.Now()
	} else {
		now = time.Now()
	}
	nowMs := now.UnixMilli()
	if ts > uint64(1)<<62 {
		return fmt.Errorf("%w: timestamp out of range", ErrReplay)
	}
	ageMs := nowMs - int64(ts) // both < 2^62: no overflow
	if ageMs > o.opts.MaxAge.Milliseconds() {
		return fmt.Errorf("%w: timestamp %d ms old (max %v)", ErrReplay, ageMs, o.opts.MaxAge)
	}
	if -ageMs > o.opts.MaxSkew.Milliseconds() {
		return fmt.Errorf("%w: timestamp %d ms in the future (max %v)", ErrReplay, -ageMs, o.opts.MaxSkew)
	}
	return nil
}
