package envelope

import (
	"compress/flate"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha512"
	"errors"
	"fmt"
	"io"
	"time"

	"golang.org/x/crypto/nacl/secretbox"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/plaintext"
)

// SigDomain prefixes the bytes a sender signature covers (docs/protocol.md
// §1.7): sig = Ed25519(csKey, SHA-512(SigDomain ‖ plaintext map without its
// last 64 bytes)).
const SigDomain = "wamp-e2ee/v1 sender signature\x00"

// Compression defaults (docs/protocol.md §1.5).
const (
	// DefaultCompressMin is the plaintext size from which compression is
	// tried when enabled.
	DefaultCompressMin = 256
	// CompressRatio: the compressed form is used only if it is shorter than
	// CompressRatio × the plain map.
	CompressRatio = 0.9
)

// SealKey is the key material for one sealed message, as handed out by a key
// ring (keyring.Ring.Next). It holds a copy of the payload key: call Wipe
// when done with it. Its String method never prints the key.
type SealKey struct {
	// ID is the ppt_keyid (KeyID.String form).
	ID string
	// KeyRPC is the key RPC URI sent as e2ee_request_key_rpc ("" to omit).
	KeyRPC string
	// Key is the 32-byte payload key.
	Key [KeySize]byte
	// Seq is this message's sequence number: ≥ 1 and strictly increasing
	// for each key at the originator.
	Seq uint64
	// Cipher is the ppt_cipher the key is used with: CipherXSalsa ("" means
	// the same) or CipherAESGCM. A key is only ever used with one cipher.
	Cipher string
}

// Wipe zeroes the key bytes.
func (k *SealKey) Wipe() { clear(k.Key[:]) }

// String describes k without its key bytes.
func (k SealKey) String() string { return fmt.Sprintf("SealKey{ID:%s Seq:%d}", k.ID, k.Seq) }

// GoString describes k without its key bytes.
func (k SealKey) GoString() string { return k.String() }

// Message is what gets sealed.
type Message struct {
	// URI is the URI the message will be delivered under: the topic of a
	// PUBLISH, the procedure of a CALL, the called procedure for a YIELD,
	// the error URI of an ERROR.
	URI string
	// Kind is the sending message type.
	Kind e2ee.MessageKind
	// Args and Kwargs are the application payload. Kwargs keys are sorted on
	// encoding. Values of types other than nil, bool, string, []byte, Go
	// integers, float32/64, []any and map[string]any are encoded by
	// fxamacker/cbor (no tags).
	Args   []any
	Kwargs map[string]any
	// CallID (nil or CallIDSize bytes) binds a CALL and its answer: the
	// caller puts a fresh random id in the CALL, the callee echoes it in
	// the YIELD or ERROR (docs/protocol.md §1.4).
	CallID []byte
	// Proc is the called procedure, set in an ERROR (whose URI is the error
	// URI) so that it is bound to the call.
	Proc string
	// HasIndex seals Progress and Index in a YIELD: the result chunk
	// index within the call (0, 1, 2, …) and whether this chunk is a
	// progressive (non-final) one (docs/protocol.md §1.4).
	HasIndex bool
	Progress bool
	Index    uint64
	// Sign adds a sender signature with SealOptions.Signer.
	Sign bool
}

// SealOptions configures a Sealer. The zero value is valid: crypto/rand
// nonces, time.Now timestamps, no compression, no signer.
type SealOptions struct {
	// Rand is the nonce source. Nil means crypto/rand; set it only in tests
	// (every nonce must be unique per key).
	Rand io.Reader
	// Now supplies the "ts" field. Nil means time.Now.
	Now func() time.Time
	// Signer is the originator's client-session key, required for messages
	// with Sign set.
	Signer ed25519.PrivateKey
	// CompressMin enables compression for plaintext maps of at least this
	// many bytes (typical: DefaultCompressMin). 0 disables compression.
	CompressMin int
	// CompressLevel is the compress/flate level; 0 means flate.BestSpeed.
	CompressLevel int
	// Limits bounds the plaintext; messages receivers would reject by
	// default are refused here already.
	Limits Limits
}

// Sealer seals messages, reusing its buffers. It is not safe for concurrent
// use; use one per session or goroutine.
type Sealer struct {
	opts  SealOptions
	codec *plaintext.Codec
	max   int
	comp  *plaintext.Compressor
	pt    []byte
	cz    []byte
	nonce [NonceSize]byte
	gcm   gcmCache
	// rnd buffers crypto/rand output for nonceBatch nonces; rnd[rndOff:] is
	// unused. Each nonce is taken once and the buffer is refilled after.
	rnd    [nonceBatch * NonceSize]byte
	rndOff int
}

// nonceBatch is how many nonces a Sealer draws from crypto/rand at once
// (one getrandom call per batch instead of per message).
const nonceBatch = 32

// NewSealer returns a Sealer with the given options.
func NewSealer(opts SealOptions) (*Sealer, error) {
	codec, max, err := opts.Limits.codec()
	if err != nil {
		return nil, err
	}
	if opts.Signer != nil && len(opts.Signer) != ed25519.PrivateKeySize {
		return nil, errors.New("envelope: signer is not an Ed25519 private key")
	}
	s := &Sealer{opts: opts, codec: codec, max: max}
	if opts.CompressMin > 0 {
		level := opts.CompressLevel
		if level == 0 {
			level = flate.BestSpeed
		}
		if s.comp, err = plaintext.NewCompressor(level); err != nil {
			return nil, fmt.Errorf("envelope: %w", err)
		}
	}
	return s, nil
}

// Seal appends nonce ‖ secretbox(key, nonce, plaintext) for m to dst (with
// key.Cipher CipherAESGCM: nonce(12) ‖ AES-256-GCM ciphertext ‖ tag) and
// returns the result; put it as the only argument of the message and add the
// options with PutCipherOptions(opts, key.Cipher, key.ID, key.KeyRPC). The nonce is fresh from
// SealOptions.Rand for every call. key.Seq must be ≥ 1 and must never repeat
// for key.ID; keyring.Ring guarantees this. With enough capacity in dst and
// no compression or signature, Seal allocates nothing.
func (s *Sealer) Seal(dst []byte, key *SealKey, m *Message) ([]byte, error) {
	if !m.Kind.Valid() {
		return dst, fmt.Errorf("envelope: seal: invalid message kind %d", m.Kind)
	}
	if !ValidKeyID(key.ID) {
		return dst, errors.New("envelope: seal: key id is not <16 hex>.<32 hex>")
	}
	gcm := false
	switch key.Cipher {
	case "", CipherXSalsa:
	case CipherAESGCM:
		gcm = true
		if key.Seq > GCMMaxMessages {
			return dst, fmt.Errorf("envelope: seal: sequence %d beyond the aes256gcm key budget", key.Seq)
		}
	default:
		return dst, fmt.Errorf("envelope: seal: unsupported cipher %q", key.Cipher)
	}
	if m.Sign && s.opts.Signer == nil {
		return dst, errors.New("envelope: seal: signature requested but no signer configured")
	}
	var now time.Time
	if s.opts.Now != nil {
		now = s.opts.Now()
	} else {
		now = time.Now()
	}
	ts := max(now.UnixMilli(), 0)
	pm := plaintext.Message{
		URI: m.URI, KeyID: key.ID, Kind: uint8(m.Kind), Seq: key.Seq, TS: uint64(ts),
		Args: m.Args, Kwargs: m.Kwargs, CallID: m.CallID, Proc: m.Proc,
		HasIdx: m.HasIndex, Prog: m.Progress, Idx: m.Index,
	}
	var err error
	s.pt, err = s.codec.AppendMap(s.pt[:0], &pm, m.Sign)
	if err != nil {
		return dst, fmt.Errorf("envelope: seal: %w", err)
	}
	if m.Sign {
		d := signDigest(s.pt)
		s.pt = append(s.pt, ed25519.Sign(s.opts.Signer, d[:])...)
	}
	if len(s.pt) > s.max {
		return dst, fmt.Errorf("envelope: seal: plaintext of %d bytes exceeds %d", len(s.pt), s.max)
	}
	pt := s.pt
	if s.comp != nil && len(pt) >= s.opts.CompressMin {
		var ok bool
		s.cz, ok = s.comp.AppendCompressed(s.cz[:0], pt, int(float64(len(pt))*CompressRatio))
		if ok {
			pt = s.cz
		}
	}
	if err := s.nextNonce(); err != nil {
		return dst, fmt.Errorf("envelope: seal: nonce: %w", err)
	}
	if gcm {
		aead, err := s.gcm.get(&key.Key)
		if err != nil {
			return dst, err
		}
		dst = append(dst, s.nonce[:GCMNonceSize]...)
		return aead.Seal(dst, s.nonce[:GCMNonceSize], pt, gcmAD), nil
	}
	dst = append(dst, s.nonce[:]...)
	return secretbox.Seal(dst, pt, &s.nonce, &key.Key), nil
}

// nextNonce fills s.nonce with fresh random bytes.
func (s *Sealer) nextNonce() error {
	if s.opts.Rand != nil {
		_, err := io.ReadFull(s.opts.Rand, s.nonce[:])
		return err
	}
	if s.rndOff == 0 || s.rndOff == len(s.rnd) {
		if _, err := rand.Read(s.rnd[:]); err != nil {
			return err
		}
		s.rndOff = 0
	}
	copy(s.nonce[:], s.rnd[s.rndOff:])
	clear(s.rnd[s.rndOff : s.rndOff+NonceSize])
	s.rndOff += NonceSize
	return nil
}

// signDigest returns SHA-512(SigDomain ‖ signed).
func signDigest(signed []byte) [sha512.Size]byte {
	h := sha512.New()
	h.Write([]byte(SigDomain))
	h.Write(signed)
	var d [sha512.Size]byte
	h.Sum(d[:0])
	return d
}
