package trust

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// StandaloneConfig configures a Standalone decider.
type StandaloneConfig struct {
	// Roots are trustroot addresses accepted in any realm.
	Roots []common.Address
	// RootCertificates are self-signed root CA certificates (see
	// LoadRootCertificates); each accepts its issuer as a trustroot in the
	// certificate's realm only.
	RootCertificates []cert.Certificate
	// Rules, when not empty, restrict URIs and roles; anything no rule
	// matches is denied.
	Rules []Rule
}

// Standalone trusts complete chains that end in a configured trustroot. It
// is immutable and safe for concurrent use.
type Standalone struct {
	anyRealm map[common.Address]bool
	inRealm  map[common.Address]map[common.Address]bool // root → realms
	rules    ruleSet
}

// standaloneVersion is the constant trust-state version of a Standalone
// decider (its configuration never changes).
const standaloneVersion = 1

// NewStandalone validates cfg and returns the decider.
func NewStandalone(cfg StandaloneConfig) (*Standalone, error) {
	s := &Standalone{anyRealm: map[common.Address]bool{}, inRealm: map[common.Address]map[common.Address]bool{}}
	for _, r := range cfg.Roots {
		if r == (common.Address{}) {
			return nil, errors.New("trust: standalone: zero trustroot address")
		}
		s.anyRealm[r] = true
	}
	if len(cfg.RootCertificates) > 0 {
		for _, c := range cfg.RootCertificates {
			if c.Authority == nil || c.Authority.Issuer != c.Authority.Subject || c.Authority.Capabilities&cert.CapRootCA == 0 || c.Verify() != nil {
				return nil, errors.New("trust: standalone: root certificate is not a valid self-signed authority certificate with ROOT_CA")
			}
			a := c.Authority
			if s.inRealm[a.Issuer] == nil {
				s.inRealm[a.Issuer] = map[common.Address]bool{}
			}
			s.inRealm[a.Issuer][a.Realm] = true
		}
	}
	if len(s.anyRealm) == 0 && len(s.inRealm) == 0 {
		return nil, errors.New("trust: standalone: no trustroot configured")
	}
	rules, err := newRuleSet(cfg.Rules)
	if err != nil {
		return nil, err
	}
	s.rules = rules
	return s, nil
}

// untrusted wraps e2ee.ErrUntrusted with a reason.
func untrusted(format string, args ...any) error {
	return fmt.Errorf("%w: %s", e2ee.ErrUntrusted, fmt.Sprintf(format, args...))
}

// Decide implements e2ee.TrustDecider. A lone delegate certificate is
// refused: standalone trust needs the chain up to the root.
func (s *Standalone) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	if err := ctx.Err(); err != nil {
		return e2ee.TrustDecision{}, fmt.Errorf("trust: standalone: %w: %w", e2ee.ErrTrustUnavailable, err)
	}
	if err := checkRequest(req); err != nil {
		return e2ee.TrustDecision{}, err
	}
	root, ok := req.Chain.Trustroot()
	if !ok {
		return e2ee.TrustDecision{}, untrusted("standalone trust needs the chain up to the root; a lone delegate certificate can only be decided on-chain")
	}
	realm, _ := req.Chain.Realm()
	if realm != req.Realm {
		return e2ee.TrustDecision{}, untrusted("chain is for realm %s, request for %s", realm.Hex(), req.Realm.Hex())
	}
	if !s.anyRealm[root] && !s.inRealm[root][realm] {
		return e2ee.TrustDecision{}, untrusted("trustroot %s is not configured for realm %s", root.Hex(), realm.Hex())
	}
	caps, _ := req.Chain.Capabilities()
	if reason := s.rules.check(req.URI, req.Role, caps, true); reason != "" {
		return e2ee.TrustDecision{}, untrusted("%s", reason)
	}
	issuer, _ := req.Chain.Issuer()
	return e2ee.TrustDecision{
		Trustroot: root, Issuer: issuer, Delegate: req.Chain.DelegateAddress(),
		Capabilities: caps, Version: standaloneVersion,
	}, nil
}

// checkRequest rejects requests no decider can accept.
func checkRequest(req e2ee.TrustRequest) error {
	if req.Chain == nil {
		return untrusted("no verified certificate chain")
	}
	if !req.Role.Valid() {
		return untrusted("unknown role %.20q", req.Role)
	}
	return nil
}
