package verifier

import (
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// Defaults of Config.
const (
	DefaultMaxStaleBlocks = 64
	DefaultMaxStaleTime   = 15 * time.Second
	DefaultPollInterval   = time.Second
	DefaultMaxEntries     = 100_000
	DefaultReadTimeout    = 5 * time.Second
	// DefaultMaxBackfill is the largest block range backfilled with eth_getLogs after a
	// reconnect; a longer outage drops the whole cache instead.
	DefaultMaxBackfill = 5_000
	// DefaultMaxLogRange is the largest block range of one eth_getLogs query: public endpoints
	// commonly cap it between 1,000 and 10,000 blocks.
	DefaultMaxLogRange = chain.DefaultLogRange
)

// Config configures a Verifier.
type Config struct {
	// Registry is the TrustRegistry address (chain.RegistryAddress for the canonical
	// deployment). New checks that it holds the registry for the backend's chain.
	Registry common.Address
	// Trustroots maps each realm this node serves to the trustroot it expects as the realm's
	// Realm-CA. A realm not listed is refused (ReasonRealmNotConfigured).
	Trustroots map[common.Address]common.Address
	// RoleCapabilities optionally maps a role to the cert.Cap* bits the delegate must hold
	// (all of them): the issuer's on-chain capabilities, intersected with the chain's A_1
	// capabilities when the chain carries authority certificates. Nil requires none.
	// See ProviderConsumerCapabilities for the specification's mapping.
	RoleCapabilities map[e2ee.Role]uint64
	// Rules, when not empty, restrict which URIs a trusted delegate may act on, in which roles:
	// a request whose URI no rule matches, or whose matching rule does not list its role, is
	// refused with ReasonURINotAllowed before the chain is read, and one whose delegate lacks
	// the rule's capability bits (issuer's on-chain capabilities ∩ the chain's, as for
	// RoleCapabilities) is refused with ReasonURINotAllowed too. The rules and their matching
	// are those of package e2ee/trust (trust.Rule: exact, prefix and WAMP wildcard; the most
	// specific matching rule decides), so a rule file means the same under every trust mode.
	// At most trust.MaxRules. Without rules every authorized delegate may act on every URI.
	Rules []trust.Rule
	// MaxStaleBlocks bounds the age of a cached verdict in blocks (0: DefaultMaxStaleBlocks).
	MaxStaleBlocks uint64
	// MaxStaleTime bounds how long cached verdicts are used after the follower last heard from
	// the endpoint (0: DefaultMaxStaleTime).
	MaxStaleTime time.Duration
	// PollInterval is the polling period over HTTP, the liveness ping period over
	// subscriptions, and the resubscribe backoff (0: DefaultPollInterval).
	PollInterval time.Duration
	// ReadTimeout bounds one batched read (0: DefaultReadTimeout).
	ReadTimeout time.Duration
	// MaxEntries bounds the verdict cache; when full it is cleared (0: DefaultMaxEntries).
	MaxEntries int
	// MaxBackfill bounds the blocks backfilled after a reconnect (0: DefaultMaxBackfill).
	MaxBackfill uint64
	// MaxLogRange bounds the blocks one eth_getLogs query spans (0: DefaultMaxLogRange); longer
	// backfills are split. An endpoint that answers "range too large" halves it (down to one
	// block), and one that rate-limits (HTTP 429, JSON-RPC -32005) is asked again after a
	// doubling wait; cached verdicts are not confirmed meanwhile, so they expire after
	// MaxStaleTime while the follower is behind.
	MaxLogRange uint64
	// OnRevocation, if set, is called from the follower goroutine for every revocation seen in
	// registry events (and for reorganisations), after the affected verdicts were dropped. It
	// must not block; hand the value to another goroutine for slow work such as key rotation.
	OnRevocation func(Revocation)
}

// ProviderConsumerCapabilities is the specification's reading of the capability bits:
// publishing and implementing procedures need PROVIDER, subscribing and calling need CONSUMER.
func ProviderConsumerCapabilities() map[e2ee.Role]uint64 {
	return map[e2ee.Role]uint64{
		e2ee.RolePublisher:  cert.CapProvider,
		e2ee.RoleCallee:     cert.CapProvider,
		e2ee.RoleSubscriber: cert.CapConsumer,
		e2ee.RoleCaller:     cert.CapConsumer,
	}
}

// withDefaults validates cfg and fills in defaults; it copies the maps.
func (cfg Config) withDefaults() (Config, error) {
	if cfg.Registry == (common.Address{}) {
		return cfg, errors.New("verifier: no registry address")
	}
	roots := make(map[common.Address]common.Address, len(cfg.Trustroots))
	for realm, root := range cfg.Trustroots {
		if realm == (common.Address{}) || root == (common.Address{}) {
			return cfg, errors.New("verifier: zero realm or trustroot address in Trustroots")
		}
		roots[realm] = root
	}
	cfg.Trustroots = roots
	if cfg.RoleCapabilities != nil {
		caps := make(map[e2ee.Role]uint64, len(cfg.RoleCapabilities))
		for role, c := range cfg.RoleCapabilities {
			if !role.Valid() || c&cert.CapReserved != 0 {
				return cfg, fmt.Errorf("verifier: invalid role capability %.20q=%#x", role, c)
			}
			caps[role] = c
		}
		cfg.RoleCapabilities = caps
	}
	if cfg.MaxStaleBlocks == 0 {
		cfg.MaxStaleBlocks = DefaultMaxStaleBlocks
	}
	if cfg.MaxStaleTime <= 0 {
		cfg.MaxStaleTime = DefaultMaxStaleTime
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = DefaultPollInterval
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if cfg.MaxEntries <= 0 {
		cfg.MaxEntries = DefaultMaxEntries
	}
	if cfg.MaxBackfill == 0 {
		cfg.MaxBackfill = DefaultMaxBackfill
	}
	if cfg.MaxLogRange == 0 {
		cfg.MaxLogRange = DefaultMaxLogRange
	}
	return cfg, nil
}
