package keydist

import (
	"context"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TrustContext is what a trust decision is asked about: may the holder of
// a verified chain act in Role on URI in Realm.
type TrustContext struct {
	Realm common.Address
	URI   string
	Role  Role
}

// Trust is the trust decision (standalone, TOFU or on-chain) as this
// package needs it. The node adapts the e2ee trust decider to it.
type Trust interface {
	// Decide returns nil if chain may act in tc.Role on tc.URI in tc.Realm,
	// and an error otherwise (reported wrapped in ErrUntrusted). It must
	// fail closed when it cannot decide.
	Decide(ctx context.Context, chain *cert.VerifiedChain, tc TrustContext) error
	// Version returns the trust-state version. It must change whenever a
	// positive decision may have become negative (revocation, new block of
	// registry events, pin change); cached positive verdicts are used only
	// while it is unchanged.
	Version() uint64
}

// TrustFunc adapts a function to Trust with a constant version. Its
// verdicts are cached for the life of the cache; use it only for trust
// decisions that never change (tests, static standalone roots).
type TrustFunc func(ctx context.Context, chain *cert.VerifiedChain, tc TrustContext) error

// Decide calls f.
func (f TrustFunc) Decide(ctx context.Context, chain *cert.VerifiedChain, tc TrustContext) error {
	return f(ctx, chain, tc)
}

// Version returns 0.
func (f TrustFunc) Version() uint64 { return 0 }

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
	// Required.
	Trust Trust
	// Block returns the current block number on ChainID for certificate
	// validFrom checks (CCR-1). Required.
	Block func() uint64
	// Certs, if set, is used for chain verification (shared with other
	// verifiers of the node).
	Certs *cert.Cache
	// Window is the freshness window of requests (± around now); 0 means
	// DefaultWindow.
	Window time.Duration
	// Now returns the current time; nil means time.Now.
	Now func() time.Time
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

func (p *Policy) check() error {
	if p.Trust == nil || p.Block == nil {
		return failf("config", ErrMalformed, "policy needs Trust and Block")
	}
	return nil
}

func (p *Policy) verifyChain(chain []cert.Certificate) (*cert.VerifiedChain, error) {
	var (
		vc  *cert.VerifiedChain
		err error
	)
	if p.Certs != nil {
		vc, err = p.Certs.Verify(chain, p.expect())
	} else {
		vc, err = cert.Verify(chain, p.expect())
	}
	if err != nil {
		return nil, fail("chain", ErrChain, err)
	}
	return vc, nil
}
