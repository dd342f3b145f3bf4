package keydist

import (
	"strings"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"

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
)

// Role is the role of a peer for a URI. A requester is a subscriber (it
// needs a publisher's key), a callee (it needs a caller's key for the call
// arguments) or a caller (it needs a callee's key for the result or error).
// The responder's role is the counterpart (Role.Counterpart).
type Role string

// Roles. The string values are part of the wire format and the EIP712
// messages.
const (
	RoleSubscriber Role = "subscriber"
	RolePublisher  Role = "publisher"
	RoleCaller     Role = "caller"
	RoleCallee     Role = "callee"
)

// ValidRequester reports whether r is a role that may request a key.
func (r Role) ValidRequester() bool {
	return r == RoleSubscriber || r == RoleCallee || r == RoleCaller
}

// Counterpart returns the role of the originator that answers a requester
// in role r: publisher for a subscriber, caller for a callee, callee for a
// caller; "" for any other role.
func (r Role) Counterpart() Role {
	switch r {
	case RoleSubscriber:
		return RolePublisher
	case RoleCallee:
		return RoleCaller
	case RoleCaller:
		return RoleCallee
	}
	return ""
}

// Match is how a KeyResponse's URI scope matches URIs.
type Match string

// Match policies (WAMP subscription/registration match policies). The
// string values are part of the wire format and the EIP712 message.
const (
	// MatchExact: the URI equals the scope.
	MatchExact Match = "exact"
	// MatchPrefix: the URI equals the scope or continues it after a "."
	// (component boundary; stricter than WAMP's string prefix).
	MatchPrefix Match = "prefix"
	// MatchWildcard: same number of components; an empty scope component
	// matches any one component.
	MatchWildcard Match = "wildcard"
)

// Valid reports whether m is a defined match policy.
func (m Match) Valid() bool { return m == MatchExact || m == MatchPrefix || m == MatchWildcard }

// Scope is the set of URIs a payload key is valid for.
type Scope struct {
	URI   string
	Match Match
}

// Covers reports whether the concrete URI uri lies in s. An invalid scope
// covers nothing.
func (s Scope) Covers(uri string) bool {
	if !validURI(uri, false) || !validURI(s.URI, s.Match == MatchWildcard) {
		return false
	}
	switch s.Match {
	case MatchExact:
		return uri == s.URI
	case MatchPrefix:
		return uri == s.URI || (strings.HasPrefix(uri, s.URI) && uri[len(s.URI)] == '.')
	case MatchWildcard:
		sc, uc := strings.Split(s.URI, "."), strings.Split(uri, ".")
		if len(sc) != len(uc) {
			return false
		}
		for i := range sc {
			if sc[i] != "" && sc[i] != uc[i] {
				return false
			}
		}
		return true
	}
	return false
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
	Role Role
	// CSPubKey is the requester's Ed25519 client-session public key; the
	// key is boxed to its X25519 form.
	CSPubKey [32]byte
	// Chain is the requester's certificate chain [delegate, …, root], or
	// only its delegate certificate when the rest is on-chain.
	Chain []cert.Certificate
	// IssuedAt is the issue time, unix milliseconds.
	IssuedAt uint64
	// Nonce is a random request id; the response must echo it.
	Nonce [NonceSize]byte
	// Signature is r‖s‖v by the requester's delegate key over Digest.
	Signature [SignatureLength]byte
}

// KeyResponse carries a payload key, boxed to the requester's CS key and
// signed by the originator's delegate key.
type KeyResponse struct {
	ChainID  uint64
	Registry common.Address
	Realm    common.Address
	// KeyID is the key id the request asked for.
	KeyID string
	// Scope is the set of URIs the key is valid for.
	Scope Scope
	// Role is the responder's role: the Counterpart of the request's role.
	Role Role
	// RequesterCSPubKey and RequestNonce repeat the request being answered.
	RequesterCSPubKey [32]byte
	RequestNonce      [NonceSize]byte
	// CSPubKey is the responder's Ed25519 client-session public key (the
	// box sender key, in X25519 form).
	CSPubKey [32]byte
	// Chain is the responder's certificate chain.
	Chain []cert.Certificate
	// BoxNonce and Box are the nacl/box of the 32-byte payload key.
	BoxNonce [BoxNonceSize]byte
	Box      [BoxSize]byte
	// ExpiresAt is the key's expiry, unix milliseconds.
	ExpiresAt uint64
	// Signature is r‖s‖v by the responder's delegate key over Digest.
	Signature [SignatureLength]byte
}

// checkCommon validates the fields shared by request and response.
func checkChain(chain []cert.Certificate) error {
	if len(chain) == 0 || len(chain) > MaxChainLength {
		return failf("decode", ErrMalformed, "chain length out of range")
	}
	return nil
}

// Validate checks that r is well-formed and bounded: key id, URI, role and
// chain length. It does not verify the signature or the chain.
func (r *KeyRequest) Validate() error {
	if !envelope.ValidKeyID(r.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	if !validURI(r.URI, false) {
		return failf("decode", ErrMalformed, "bad uri")
	}
	if !r.Role.ValidRequester() {
		return failf("decode", ErrRole, "role may not request keys")
	}
	return checkChain(r.Chain)
}

// Validate checks that r is well-formed and bounded: key id, scope, role
// and chain length. It does not verify the signature, chain or box.
func (r *KeyResponse) Validate() error {
	if !envelope.ValidKeyID(r.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	if !r.Scope.Match.Valid() || !validURI(r.Scope.URI, r.Scope.Match == MatchWildcard) {
		return failf("decode", ErrMalformed, "bad uri scope")
	}
	if r.Role != RolePublisher && r.Role != RoleCaller && r.Role != RoleCallee {
		return failf("decode", ErrRole, "role may not answer key requests")
	}
	return checkChain(r.Chain)
}
