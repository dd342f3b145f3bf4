package session

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// Defaults of Config.
const (
	// DefaultKeyRPCPrefix is the key-RPC prefix used unless configured
	// (envelope.DefaultKeyRPCPrefix).
	DefaultKeyRPCPrefix   = envelope.DefaultKeyRPCPrefix
	DefaultBufferPerKey   = 256
	DefaultBufferTotal    = 4096
	DefaultFetchTimeout   = 5 * time.Second
	DefaultMaxFetches     = 64
	DefaultDenyRate       = 10.0 // denials per second per requester
	DefaultDenyBurst      = 20
	DefaultReconnectDelay = 200 * time.Millisecond
	// DefaultKeyRPCAttempts bounds the locators tried when key-RPC URIs are
	// taken.
	DefaultKeyRPCAttempts = 8
	// negativeTTL is how long a key id whose fetch failed is not fetched
	// again (it bounds the key requests garbage key ids can cause).
	negativeTTL = 2 * time.Second
	// DefaultMaxAge and DefaultMaxSkew bound the timestamp of an incoming
	// payload (envelope.OpenOptions) unless Config.Open sets them: a
	// receiver that fetches a key late (or lost its replay window) accepts
	// a replayed message only within this age.
	DefaultMaxAge  = 2 * time.Minute
	DefaultMaxSkew = 30 * time.Second
)

// MatchAll is the Match of a catch-all Rule (Pattern is ignored); a Rule's
// other policies are e2ee.MatchExact, e2ee.MatchPrefix and
// e2ee.MatchWildcard.
const MatchAll e2ee.Match = "all"

// Rule is the policy for the URIs its pattern matches. The first matching
// rule of Config.Rules decides; a URI no rule matches uses Config.Default.
type Rule struct {
	Pattern string
	Match   e2ee.Match
	// Encrypt seals outgoing messages and requires incoming ones (except
	// router-generated plaintext errors) to be sealed. Without it messages
	// are sent in plaintext, and sealed incoming messages are still opened.
	Encrypt bool
	// Rotation is the key-rotation policy of this rule's key ring;
	// nil means keyring.DefaultPolicy().
	Rotation *keyring.Policy
	// Sign adds sender signatures to outgoing messages and requires them on
	// incoming ones (non-repudiation mode); without it messages are
	// deniable.
	Sign bool
	// Cipher is the ppt_cipher this rule seals with and the only one it
	// accepts: envelope.CipherXSalsa ("" means the same) or
	// envelope.CipherAESGCM. Both sides of a URI must agree.
	Cipher string
	// Locator fixes the locator of the rule's key ring, i.e. its key-RPC URI
	// (zero: random). If the URI is taken the session still moves to a
	// random one.
	Locator envelope.Locator
}

// Matches reports whether r's pattern matches uri (e2ee.Match; MatchAll matches every URI).
func (r *Rule) Matches(uri string) bool {
	if r.Match == MatchAll {
		return true
	}
	return r.Match.Matches(r.Pattern, uri)
}

// patternMatches reports whether a concrete uri lies in a WAMP subscription
// or registration with the given match policy ("", "exact", "prefix",
// "wildcard"). WAMP prefix matching is a plain string prefix.
func patternMatches(pattern, match, uri string) bool {
	if match == wamp.MatchPrefix {
		return strings.HasPrefix(uri, pattern)
	}
	return e2ee.Match(match).Matches(pattern, uri)
}

// Config configures a Session.
type Config struct {
	// Realm is the WAMP realm URI to join.
	Realm string
	// Dial opens the transport to the router: typically a closure over
	// transport.ConnectWebsocketPeer or transport.ConnectRawSocketPeer. It
	// is called again on every reconnection. Required.
	Dial func(ctx context.Context) (wamp.Peer, error)
	// Serialization is the session serializer Dial uses; with serialize.JSON
	// binary values are sent as serialize.BinaryData ("\u0000"+base64).
	Serialization serialize.Serialization
	// HelloDetails are passed to nexus (roles are added by nexus).
	HelloDetails wamp.Dict
	// ResponseTimeout is nexus's response timeout (0: nexus's default).
	ResponseTimeout time.Duration

	// Identity is this node's delegate key, client-session key and
	// certificate chain; KeyPolicy the chain id, registry, realm address,
	// trust decider and block source that key requests and responses are
	// checked against. Both are required.
	Identity  keydist.Identity
	KeyPolicy keydist.Policy
	// SignedKeyExchanges makes every key request this node sends, and
	// every one it answers, signed by the delegate key: no resumed
	// (MAC-authenticated) exchanges (docs/protocol.md §3.8). Resumed
	// requests from others are answered unknown_peer, after which they
	// sign. Costs a signature and a recovery per side and request.
	SignedKeyExchanges bool
	// NoKeyPush turns key push off (docs/protocol.md §3.10). With push on
	// (the default), the session subscribes to its push topic and accepts
	// keys pushed by originators it fetched from before, and when one of
	// its keys is replaced it pushes the new key, before the first
	// message under it, to up to MaxPushesPerRotation readers of the old
	// one that it still knows and admits; the others fetch. Push needs
	// resumption: SignedKeyExchanges turns it off.
	NoKeyPush bool

	// Rules are the per-URI policies, first match wins; Default applies to
	// URIs no rule matches (its Pattern and Match are ignored).
	Rules   []Rule
	Default Rule
	// KeyRPCPrefix is the realm's key-RPC prefix ("": DefaultKeyRPCPrefix).
	KeyRPCPrefix string

	// Open configures the envelope opener (limits, timestamp freshness).
	// Open.MaxAge 0 means DefaultMaxAge (negative: no timestamp bound, only
	// the per-key replay window); Open.MaxSkew 0 means DefaultMaxSkew.
	Open envelope.OpenOptions
	// Cache configures the received-key cache.
	Cache keyring.CacheConfig

	// BufferPerKey and BufferTotal bound the messages waiting for a key
	// (per stream and key RPC — a key id's locator — and per connection); FetchTimeout bounds a key fetch
	// and thus how long a message waits; MaxFetches bounds concurrent
	// fetches. Zero values take the defaults.
	BufferPerKey, BufferTotal int
	FetchTimeout              time.Duration
	MaxFetches                int
	// DenyRate and DenyBurst are the token bucket of key-request denials
	// per requester (keyed by its delegate address, or by its CS key when
	// the request did not verify far enough): a requester whose bucket is
	// empty is refused with the overload error before any verification
	// work. Zero values take the defaults.
	DenyRate  float64
	DenyBurst int
	// ReplayCapacity bounds the nonces of admitted key requests this node
	// remembers per freshness window (0: keydist.DefaultReplayCapacity);
	// past it, requests are refused with the overload error until the
	// window turns. Refused requests spend none of it.
	ReplayCapacity int

	// Reconnect makes the session redial (with ReconnectDelay, doubling up
	// to 5 s) when the connection is lost, then re-register its key RPCs
	// and the application's subscriptions and registrations. Without it a
	// lost connection ends the session (Done is closed).
	Reconnect      bool
	ReconnectDelay time.Duration

	// Logf, if set, receives diagnostic lines (never key material or
	// payloads).
	Logf func(format string, args ...any)
}

func (c *Config) withDefaults() (Config, error) {
	cfg := *c
	if cfg.Dial == nil {
		return cfg, errors.New("session: config needs Dial")
	}
	if cfg.Realm == "" {
		return cfg, errors.New("session: config needs Realm")
	}
	if cfg.KeyPolicy.Trust == nil || cfg.KeyPolicy.Block == nil {
		return cfg, errors.New("session: config needs KeyPolicy.Trust and KeyPolicy.Block")
	}
	if cfg.Identity.Delegate == nil || cfg.Identity.Session == nil || len(cfg.Identity.Chain) == 0 {
		return cfg, errors.New("session: config needs a complete Identity")
	}
	for i := range cfg.Rules {
		switch cfg.Rules[i].Match {
		case "", e2ee.MatchExact, e2ee.MatchPrefix, e2ee.MatchWildcard, MatchAll:
		default:
			return cfg, fmt.Errorf("session: rule %d: unknown match %q", i, cfg.Rules[i].Match)
		}
		if c := cfg.Rules[i].Cipher; c != "" && !envelope.ValidCipher(c) {
			return cfg, fmt.Errorf("session: rule %d: unknown cipher %q (want %s or %s)", i, c, envelope.CipherXSalsa, envelope.CipherAESGCM)
		}
	}
	if c := cfg.Default.Cipher; c != "" && !envelope.ValidCipher(c) {
		return cfg, fmt.Errorf("session: default rule: unknown cipher %q (want %s or %s)", c, envelope.CipherXSalsa, envelope.CipherAESGCM)
	}
	cfg.Default.Match = MatchAll
	cfg.freshnessDefaults()
	if cfg.KeyRPCPrefix == "" {
		cfg.KeyRPCPrefix = DefaultKeyRPCPrefix
	}
	if cfg.BufferPerKey <= 0 {
		cfg.BufferPerKey = DefaultBufferPerKey
	}
	if cfg.BufferTotal <= 0 {
		cfg.BufferTotal = DefaultBufferTotal
	}
	if cfg.FetchTimeout <= 0 {
		cfg.FetchTimeout = DefaultFetchTimeout
	}
	if cfg.MaxFetches <= 0 {
		cfg.MaxFetches = DefaultMaxFetches
	}
	if cfg.DenyRate <= 0 {
		cfg.DenyRate = DefaultDenyRate
	}
	if cfg.DenyBurst <= 0 {
		cfg.DenyBurst = DefaultDenyBurst
	}
	if cfg.ReconnectDelay <= 0 {
		cfg.ReconnectDelay = DefaultReconnectDelay
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	return cfg, nil
}

// freshnessDefaults applies DefaultMaxAge and DefaultMaxSkew.
func (c *Config) freshnessDefaults() {
	switch {
	case c.Open.MaxAge == 0:
		c.Open.MaxAge = DefaultMaxAge
	case c.Open.MaxAge < 0:
		c.Open.MaxAge = 0
	}
	if c.Open.MaxSkew == 0 {
		c.Open.MaxSkew = DefaultMaxSkew
	}
}

// isKeyRPC reports whether uri is a key-RPC URI of this realm.
func (c *Config) isKeyRPC(uri string) bool {
	return strings.HasPrefix(uri, c.KeyRPCPrefix) && len(uri) > len(c.KeyRPCPrefix) && uri[len(c.KeyRPCPrefix)] == '.'
}
