package keydist

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// Policy is what a peer's key-distribution message is checked against, on
// both sides.
type Policy struct {
	// ChainID and Registry are the expected EIP712 domain and the expected
	// chainId / verifyingContract of every certificate.
	ChainID  uint64
	Registry common.Address
	// Realm is the expected realm address of the message (and of every
	// authority certificate when not zero).
	Realm common.Address
	// Trust decides whether a verified chain may act in a role on a URI.
	// Required. It is asked on every request and response: this package
	// caches no verdict (deciders own their caches and invalidate them,
	// e.g. on registry events).
	Trust e2ee.TrustDecider
	// Block returns the current block number on ChainID for certificate
	// validFrom checks (CCR-1). Required. It is called for every request
	// and response: it should not make a request of its own (e.g. the
	// head an on-chain verifier follows).
	Block func() uint64
	// LatestBlock, if set, is asked for the chain's current block when a
	// chain fails CCR-1 only because a validFrom is after Block() — Block
	// may trail the chain by a block or a poll interval, and a certificate
	// issued for the newest block would be refused — and the chain is
	// checked once more against it. It may make a request; bound its rate.
	LatestBlock func() uint64
	// Certs, if set, caches verified chains (keyed by their exact wire
	// bytes; shared with other verifiers of the node). Nil: the Responder
	// or Requester makes its own of CacheSize entries.
	Certs *cert.Cache
	// Window is the freshness window of requests (± around now); 0 means
	// DefaultWindow.
	Window time.Duration
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
	// Attestation, if set, enforces remote attestation in the realms whose
	// policy requires it (attest.go, docs/protocol.md §5). Nil: no
	// attestation is checked or sent.
	Attestation *Attestation
}

// DefaultWindow is the default freshness window of key requests.
const DefaultWindow = 60 * time.Second

func (p *Policy) window() time.Duration {
	if p.Window <= 0 {
		return DefaultWindow
	}
	return p.Window
}

func (p *Policy) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

func (p *Policy) expect() cert.Expect {
	return cert.Expect{ChainID: p.ChainID, VerifyingContract: p.Registry, Realm: p.Realm, Block: p.Block()}
}

// prepare checks p and fills in a chain cache of cacheSize entries if p
// has none.
func (p *Policy) prepare(cacheSize int) error {
	if p.Trust == nil || p.Block == nil {
		return failf("config", ErrMalformed, "policy needs Trust and Block")
	}
	if p.Certs == nil {
		if cacheSize <= 0 {
			cacheSize = DefaultCacheSize
		}
		p.Certs = cert.NewCache(cacheSize)
	}
	return nil
}
