package keydist

import (
	"crypto/hmac"
	"crypto/sha256"

	"github.com/ethereum/go-ethereum/common"
)

// Resumption (docs/protocol.md §3.8). The first key exchange between two
// peers is signed by both delegate keys. It leaves each side with the
// other's CS key, bound to its delegate by the verified certificate chain.
// Later exchanges between the same two CS keys are authenticated with an
// HMAC-SHA256 under a key derived from their nacl/box shared key instead of
// two secp256k1 signatures and two recoveries: only the holders of the two
// CS private keys can compute it, and the labels below separate the two
// directions. Every other check (chain through the chain cache, csPubKey
// binding, freshness, replay, the trust decision asked every time) is the
// same as for a signed exchange.

// MAC key labels: the MAC key of a direction is HMAC-SHA256(shared, label),
// where shared is the nacl/box precomputed key of the two CS keys.
const (
	RequestMACLabel  = "WAMP-E2EE KeyRequest MAC v1"
	ResponseMACLabel = "WAMP-E2EE KeyResponse MAC v1"
)

// macKey returns HMAC-SHA256(shared, label).
func macKey(shared *[32]byte, label string) []byte {
	m := hmac.New(sha256.New, shared[:])
	m.Write([]byte(label))
	return m.Sum(nil)
}

// RequestMAC returns the MAC of a resumed request with EIP712 digest
// digest sent to the responder CS key responderCS, given the nacl/box
// shared key of the requester's and responder's CS keys:
// HMAC-SHA256(HMAC-SHA256(shared, RequestMACLabel), digest ‖ responderCS).
func RequestMAC(shared *[32]byte, digest common.Hash, responderCS *[32]byte) (mac [MACSize]byte) {
	k := macKey(shared, RequestMACLabel)
	m := hmac.New(sha256.New, k)
	m.Write(digest[:])
	m.Write(responderCS[:])
	m.Sum(mac[:0])
	clear(k)
	return mac
}

// ResponseMAC returns the MAC of a resumed response with EIP712 digest
// digest: HMAC-SHA256(HMAC-SHA256(shared, ResponseMACLabel), digest).
func ResponseMAC(shared *[32]byte, digest common.Hash) (mac [MACSize]byte) {
	k := macKey(shared, ResponseMACLabel)
	m := hmac.New(sha256.New, k)
	m.Write(digest[:])
	m.Sum(mac[:0])
	clear(k)
	return mac
}

// knownPeer is what a signed exchange leaves for resuming: the peer's CS key
// and the hash of its verified chain's certificate digests. A resumed
// message must come from the same CS key with the same chain.
type knownPeer struct {
	cs        [32]byte
	chainHash common.Hash
}
