package keydist

import (
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Sizes and limits of key-distribution messages. Decoders enforce them
// before doing work proportional to the input.
const (
	// Version is the value of the "v" field of both wire maps.
	Version = 1
	// NonceSize is the size of a request nonce (request id).
	NonceSize = 16
	// BoxNonceSize is the size of the Curve25519 box nonce.
	BoxNonceSize = 24
	// KeySize is the size of a payload key.
	KeySize = 32
	// BoxSize is the size of the boxed payload key (Poly1305 tag ‖ ciphertext).
	BoxSize = KeySize + 16
	// MaxURILength bounds URIs and URI scopes in bytes.
	MaxURILength = 512
	// SignatureLength is the length of a delegate signature r‖s‖v.
	SignatureLength = cert.SignatureLength
	// MaxChainLength bounds the number of certificates in a chain.
	MaxChainLength = cert.MaxChainLength
	// MACSize is the size of the HMAC-SHA256 of a resumed request or
	// response.
	MACSize = 32
)

// Auth is how a key request or response is authenticated.
type Auth uint8

const (
	// AuthSignature: an EIP712 signature by the sender's delegate key
	// (Signature). The first exchange between two peers is always signed.
	AuthSignature Auth = iota
	// AuthMAC: a resumed exchange between two peers that authenticated each
	// other with signatures before: an HMAC-SHA256 keyed from the nacl/box
	// shared key of their CS keys (MAC; see Requester.NewRequest and
	// docs/protocol.md §3.8).
	AuthMAC
)

// ValidRequesterRole reports whether r is a role that may request a key:
// a subscriber (it needs a publisher's key), a callee (it needs a caller's
// key for the call arguments) or a caller (it needs a callee's key for the
// result or error).
func ValidRequesterRole(r e2ee.Role) bool {
	return r == e2ee.RoleSubscriber || r == e2ee.RoleCallee || r == e2ee.RoleCaller
}

// ValidResponderRole reports whether r is a role that may answer a key
// request: publisher, caller or callee.
func ValidResponderRole(r e2ee.Role) bool {
	return r == e2ee.RolePublisher || r == e2ee.RoleCaller || r == e2ee.RoleCallee
}

// CounterpartRole returns the role of the originator that answers a
// requester in role r: publisher for a subscriber, caller for a callee,
// callee for a caller; "" for any other role.
func CounterpartRole(r e2ee.Role) e2ee.Role {
	switch r {
	case e2ee.RoleSubscriber:
		return e2ee.RolePublisher
	case e2ee.RoleCallee:
		return e2ee.RoleCaller
	case e2ee.RoleCaller:
		return e2ee.RoleCallee
	}
	return ""
}

// Scope is the set of URIs a payload key is valid for.
type Scope struct {
	// URI is the scope's URI (for e2ee.MatchWildcard, empty components are
	// wildcards).
	URI string
	// Match is how URI matches concrete URIs.
	Match e2ee.Match
}

// Covers reports whether the concrete URI uri lies in s. An invalid scope
// covers nothing.
func (s Scope) Covers(uri string) bool {
	if !s.Match.Valid() || !validURI(uri, false) || !validURI(s.URI, s.Match == e2ee.MatchWildcard) {
		return false
	}
	return s.Match.Matches(s.URI, uri)
}

// validURI checks a URI: 1…MaxURILength bytes of UTF-8 without whitespace,
// control characters or '#'; empty components only if allowEmpty.
func validURI(s string, allowEmpty bool) bool {
	if len(s) == 0 || len(s) > MaxURILength || !utf8.ValidString(s) {
		return false
	}
	prev := byte('.')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '#' {
			return false
		}
		if c == '.' && prev == '.' && !allowEmpty {
			return false
		}
		prev = c
	}
	return allowEmpty || prev != '.'
}

// KeyRequest is a signed request for the payload key KeyID, sent by a
// receiver to the originator's key RPC (envelope.KeyID.KeyRPCURI).
//
// The certificate chain is kept in its wire form (Chain): the responder
// verifies it through a cert.Cache keyed by these exact bytes, so a chain
// seen before is never parsed again.
type KeyRequest struct {
	// ChainID and Registry form the EIP712 domain (with the verifying
	// contract = Registry); Realm is the WAMP realm's address.
	ChainID  uint64
	Registry common.Address
	Realm    common.Address
	// KeyID is the ppt_keyid of the message the requester cannot open.
	KeyID string
	// URI is the concrete topic or procedure the message arrived under.
	URI string
	// Role is the requester's role: subscriber, callee or caller.
	Role e2ee.Role
	// CSPubKey is the requester's Ed25519 client-session public key; the
	// key is boxed to its X25519 form.
	CSPubKey [32]byte
	// Chain is the requester's certificate chain [delegate, …, root], or
	// only its delegate certificate when the rest is on-chain, encoded as a
	// CBOR array of Autobahn certificate files (cert.MarshalChainCBOR). Do
	// not modify it after decoding: it is a cache key.
	Chain []byte
	// Issuer optionally names the CA that issued the delegate when Chain is
	// a lone delegate certificate (the zero address: none). It is signed,
	// but only a lookup hint for the trust decision (e2ee.TrustRequest.
	// IssuerHint), which must verify it. It must be zero for a longer chain.
	Issuer common.Address
	// IssuedAt is the issue time, unix milliseconds.
	IssuedAt uint64
	// Nonce is a random request id; the response must echo it.
	Nonce [NonceSize]byte
	// Auth says which of Signature or MAC authenticates the request.
	Auth Auth
	// Signature (AuthSignature) is r‖s‖v by the requester's delegate key
	// over Digest.
	Signature [SignatureLength]byte
	// ResponderCSPubKey (AuthMAC) is the responder CS key the request is
	// authenticated for: the one that answered the requester's last signed
	// request to this key RPC. Zero for AuthSignature.
	ResponderCSPubKey [32]byte
	// MAC (AuthMAC) is HMAC-SHA256 over Digest and ResponderCSPubKey under
	// the request MAC key of the two CS keys (RequestMAC).
	MAC [MACSize]byte
	// Evidence is the requester's encoded attestation evidence (package
	// attest), sent in signed requests in realms that require attestation;
	// nil otherwise. Not part of Digest: the quote binds the CS key and
	// delegate itself.
	Evidence []byte
}

// KeyResponse carries a payload key, boxed to the requester's CS key and
// signed by the originator's delegate key.
type KeyResponse struct {
	// ChainID, Registry and Realm are as in KeyRequest.
	ChainID  uint64
	Registry common.Address
	Realm    common.Address
	// KeyID is the key id the request asked for.
	KeyID string
	// Scope is the set of URIs the key is valid for.
	Scope Scope
	// Role is the responder's role: CounterpartRole of the request's role.
	Role e2ee.Role
	// RequesterCSPubKey and RequestNonce repeat the request being answered.
	RequesterCSPubKey [32]byte
	RequestNonce      [NonceSize]byte
	// CSPubKey is the responder's Ed25519 client-session public key (the
	// box sender key, in X25519 form).
	CSPubKey [32]byte
	// Chain is the responder's certificate chain in wire form (see
	// KeyRequest.Chain).
	Chain []byte
	// Issuer is the optional issuer hint for a lone delegate certificate
	// (see KeyRequest.Issuer).
	Issuer common.Address
	// BoxNonce and Box are the nacl/box of the 32-byte payload key.
	BoxNonce [BoxNonceSize]byte
	Box      [BoxSize]byte
	// ExpiresAt is the key's expiry, unix milliseconds.
	ExpiresAt uint64
	// Auth says which of Signature or MAC authenticates the response: the
	// request's.
	Auth Auth
	// Signature (AuthSignature) is r‖s‖v by the responder's delegate key
	// over Digest.
	Signature [SignatureLength]byte
	// MAC (AuthMAC) is HMAC-SHA256 over Digest under the response MAC key
	// of the two CS keys (ResponseMAC).
	MAC [MACSize]byte
	// Evidence is the responder's encoded attestation evidence (see
	// KeyRequest.Evidence), in signed responses only.
	Evidence []byte
}

// chainCount reads the element count from the CBOR array header of a wire
// chain without parsing the certificates. It accepts the definite-length
// header forms cert.ParseChainCBOR accepts and reports false for anything
// else or a count outside 1…MaxChainLength.
func chainCount(raw []byte) (int, bool) {
	if len(raw) == 0 || len(raw) > cert.MaxChainSize || raw[0]>>5 != 4 {
		return 0, false
	}
	info := raw[0] & 0x1f
	var n uint64
	switch {
	case info < 24:
		n = uint64(info)
	case info <= 27:
		size := 1 << (info - 24) // 1, 2, 4 or 8 bytes
		if len(raw) < 1+size {
			return 0, false
		}
		for _, b := range raw[1 : 1+size] {
			n = n<<8 | uint64(b)
		}
	default: // reserved or indefinite length
		return 0, false
	}
	if n == 0 || n > MaxChainLength {
		return 0, false
	}
	return int(n), true
}

// checkChain validates the shape of a wire chain and the issuer hint: the
// hint is only allowed with a lone delegate certificate.
func checkChain(raw []byte, issuer common.Address) error {
	n, ok := chainCount(raw)
	if !ok {
		return failf("decode", ErrMalformed, "certificates: not a CBOR array of 1…8 certificates")
	}
	if issuer != (common.Address{}) && n != 1 {
		return failf("decode", ErrMalformed, "issuer: only allowed with a lone delegate certificate")
	}
	return nil
}

// Validate checks that r is well-formed and bounded: key id, URI, role,
// the chain's array header (1…MaxChainLength certificates, at most
// cert.MaxChainSize bytes) and the issuer hint. It does not parse the
// certificates or verify the signature or the chain.
func (r *KeyRequest) Validate() error {
	if !envelope.ValidKeyID(r.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	if !validURI(r.URI, false) {
		return failf("decode", ErrMalformed, "bad uri")
	}
	if !ValidRequesterRole(r.Role) {
		return failf("decode", ErrRole, "role may not request keys")
	}
	switch {
	case r.Auth == AuthSignature && r.ResponderCSPubKey == [32]byte{}:
	case r.Auth == AuthMAC && r.ResponderCSPubKey != [32]byte{}:
	default:
		return failf("decode", ErrMalformed, "authentication: neither a signature nor a MAC for a responder key")
	}
	if err := checkEvidence(r.Evidence, r.Auth); err != nil {
		return err
	}
	return checkChain(r.Chain, r.Issuer)
}

// Validate checks that r is well-formed and bounded: key id, scope, role,
// the chain's array header and the issuer hint. It does not parse the
// certificates or verify the signature, chain or box.
func (r *KeyResponse) Validate() error {
	if !envelope.ValidKeyID(r.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	if !r.Scope.Match.Valid() || !validURI(r.Scope.URI, r.Scope.Match == e2ee.MatchWildcard) {
		return failf("decode", ErrMalformed, "bad uri scope")
	}
	if !ValidResponderRole(r.Role) {
		return failf("decode", ErrRole, "role may not answer key requests")
	}
	if r.Auth != AuthSignature && r.Auth != AuthMAC {
		return failf("decode", ErrMalformed, "authentication: neither a signature nor a MAC")
	}
	if err := checkEvidence(r.Evidence, r.Auth); err != nil {
		return err
	}
	return checkChain(r.Chain, r.Issuer)
}

// checkEvidence bounds attestation evidence: only in signed messages, at
// most attest.MaxEvidenceSize bytes (its content is checked by the
// attestation verifier).
func checkEvidence(ev []byte, auth Auth) error {
	if ev == nil {
		return nil
	}
	if auth != AuthSignature || len(ev) == 0 || len(ev) > attest.MaxEvidenceSize {
		return failf("decode", ErrMalformed, "attestation: only in signed messages, 1…64 KiB")
	}
	return nil
}
