package verifier_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

var roles = []e2ee.Role{e2ee.RolePublisher, e2ee.RoleSubscriber, e2ee.RoleCaller, e2ee.RoleCallee}

func newKey(t testing.TB) *chain.KeySigner {
	t.Helper()
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return chain.NewKeySigner(k)
}

// TestRulesMatchTrust holds the verifier's URI rule check to the verdicts of package trust's
// standalone decider on a table of rule sets, URIs, roles and capabilities.
func TestRulesMatchTrust(t *testing.T) {
	ruleSets := [][]trust.Rule{
		{
			{URI: "com.example.", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleSubscriber, e2ee.RolePublisher}},
			{URI: "com.example.secret", Match: e2ee.MatchExact, Roles: []e2ee.Role{e2ee.RoleSubscriber}, Capabilities: cert.CapConsumer},
			{URI: "com.example.a", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleCaller}},
			{URI: "com..update", Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RoleCaller}, Capabilities: cert.CapConsumer},
			{URI: "com.example..update", Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RoleCallee}, Capabilities: cert.CapProvider},
			{URI: "com.b..", Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RolePublisher}},
			{URI: "com.b..", Match: e2ee.MatchWildcard, Roles: []e2ee.Role{e2ee.RoleSubscriber}}, // tie: the first wins
		},
		{
			{URI: "", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleSubscriber}},
			{URI: "com.", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RolePublisher, e2ee.RoleCallee}, Capabilities: cert.CapProvider | cert.CapConsumer},
			{URI: "com.x", Match: e2ee.MatchExact, Roles: nil},
		},
	}
	uris := []string{"", "com", "com.", "com.x", "com.example.", "com.example.topic", "com.example.secret", "com.example.secretx",
		"com.example.a", "com.example.a.b", "com.a.update", "com.example.x.update", "com.example.update", "com.b.c.d", "org.other"}
	capSets := []uint64{0, cert.CapProvider, cert.CapConsumer, cert.CapProvider | cert.CapConsumer}

	// One verified chain root → delegate per capability set.
	exp := cert.Expect{ChainID: 1, VerifyingContract: common.Address{0xee}, Block: 1}
	root, realm := newKey(t), common.Address{0xaa}
	all := cert.CapRootCA | cert.CapIntermediateCA | cert.CapProvider | cert.CapConsumer
	chains := make([]*cert.VerifiedChain, len(capSets))
	for i, caps := range capSets {
		d := newKey(t)
		vc, err := cert.Verify([]cert.Certificate{
			delegateCert(t, d, exp),
			authorityCert(t, root, d.Address(), realm, caps, exp),
			authorityCert(t, root, root.Address(), realm, all, exp),
		}, exp)
		require.NoError(t, err)
		got, _ := vc.Capabilities()
		require.Equal(t, caps, got)
		chains[i] = vc
	}

	ctx := context.Background()
	n, allowed := 0, 0
	for ri, rules := range ruleSets {
		ref, err := trust.NewStandalone(trust.StandaloneConfig{Roots: []common.Address{root.Address()}, Rules: rules})
		require.NoError(t, err)
		for _, uri := range uris {
			for _, role := range roles {
				for ci, caps := range capSets {
					_, err := ref.Decide(ctx, e2ee.TrustRequest{Realm: realm, URI: uri, Role: role, Chain: chains[ci]})
					if err != nil {
						require.ErrorIs(t, err, e2ee.ErrUntrusted)
					}
					got, cerr := verifier.RulesAllow(rules, uri, role, caps)
					require.NoError(t, cerr)
					require.Equal(t, err == nil, got, "rule set %d, URI %q, role %s, caps %#x: trust says %v", ri, uri, role, caps, err)
					n++
					if got {
						allowed++
					}
				}
			}
		}
	}
	require.NotZero(t, allowed)
	require.Less(t, allowed, n)

	_, err := verifier.RulesAllow([]trust.Rule{{URI: "x", Match: "regex"}}, "x", e2ee.RoleCaller, 0)
	require.ErrorContains(t, err, "URI rules")
}

// TestURIRules: with rules configured, an authorized delegate is refused URIs and roles no
// rule allows (without reading the chain) and URIs whose rule needs capabilities its issuer
// lacks.
func TestURIRules(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	consumerOnly := e.Account()
	_, err := e.Reg.AdmitOperator(e.Ctx, e.root, e.realm.Address(), consumerOnly.Address(), cert.CapIntermediateCA|cert.CapConsumer)
	require.NoError(t, err)
	e.cfg.Rules = []trust.Rule{
		{URI: "com.example.", Match: e2ee.MatchPrefix, Roles: []e2ee.Role{e2ee.RoleSubscriber}},
		{URI: "com.example.feed", Match: e2ee.MatchExact, Roles: []e2ee.Role{e2ee.RolePublisher}, Capabilities: cert.CapProvider},
	}
	e.start()
	realm := e.realm.Address()
	d1, d2 := e.Signer(), e.Signer()
	_, err = e.Reg.Authorize(e.Ctx, e.operator, realm, d1.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	_, err = e.Reg.Authorize(e.Ctx, consumerOnly, realm, d2.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc1, vc2 := e.lone(d1), e.lone(d2)
	ask := func(vc *cert.VerifiedChain, issuer common.Address, uri string, role e2ee.Role) error {
		_, err := e.v.Decide(e.Ctx, e2ee.TrustRequest{Realm: realm, URI: uri, Role: role, Chain: vc, IssuerHint: issuer})
		return err
	}
	op, co := e.operator.Address(), consumerOnly.Address()

	require.NoError(t, ask(vc1, op, "com.example.topic", e2ee.RoleSubscriber))
	require.NoError(t, ask(vc2, co, "com.example.topic", e2ee.RoleSubscriber))
	require.NoError(t, ask(vc1, op, "com.example.feed", e2ee.RolePublisher))
	requireReason(t, ask(vc2, co, "com.example.feed", e2ee.RolePublisher), verifier.ReasonURINotAllowed)

	reads := e.v.Stats().Reads
	requireReason(t, ask(vc1, op, "com.example.topic", e2ee.RolePublisher), verifier.ReasonURINotAllowed)
	requireReason(t, ask(vc1, op, "org.other.topic", e2ee.RoleSubscriber), verifier.ReasonURINotAllowed)
	requireReason(t, ask(vc1, op, "com.example.feed", e2ee.RoleSubscriber), verifier.ReasonURINotAllowed)
	require.Equal(t, reads, e.v.Stats().Reads, "URI and role denials do not read the chain")

	// Invalid rules are a configuration error.
	cfg := e.cfg
	cfg.Rules = []trust.Rule{{URI: "x", Match: e2ee.MatchExact, Roles: []e2ee.Role{"admin"}}}
	_, err = verifier.New(e.Ctx, e.Backend, cfg)
	require.ErrorContains(t, err, "URI rules")
}
