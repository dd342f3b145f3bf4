package verifier_test

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TestDecisionTable decides every case of issue 4 on the simulated chain and on anvil.
func TestDecisionTable(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS} {
		t.Run(string(k), func(t *testing.T) { decisionTable(t, k) })
	}
}

func decisionTable(t *testing.T, k chaintest.Kind) {
	e := setup(t, k, 0)
	ctx, reg := e.Ctx, e.Reg
	root2, realm2 := e.Account(), e.Account()         // realm2's CA is root2, but this node expects root
	root3, realm3 := e.Account(), e.Account()         // retired
	root4, realm4 := e.Account(), e.Account()         // epoch bumped
	stranger, strangeRealm := e.Account(), e.Signer() // never registered
	unadmitted, providerOnly := e.Account(), e.Account()
	for _, p := range []struct{ root, realm *chain.KeySigner }{{root2, realm2}, {root3, realm3}, {root4, realm4}} {
		_, err := reg.RegisterRoot(ctx, p.root, chain.PolicyPrivate)
		require.NoError(t, err)
		_, err = reg.SetRealmCA(ctx, p.realm, p.root)
		require.NoError(t, err)
	}
	_, err := reg.AdmitOperator(ctx, e.root, e.realm.Address(), providerOnly.Address(), cert.CapIntermediateCA|cert.CapProvider)
	require.NoError(t, err)
	e.cfg.Trustroots[realm2.Address()] = e.root.Address()
	e.cfg.Trustroots[realm3.Address()] = root3.Address()
	e.cfg.Trustroots[realm4.Address()] = root4.Address()
	e.cfg.Trustroots[strangeRealm.Address()] = stranger.Address()
	e.cfg.RoleCapabilities = verifier.ProviderConsumerCapabilities()
	e.start()

	realm := e.realm.Address()
	hour := time.Hour
	authorize := func(issuer *chain.KeySigner, realm common.Address, d *chain.KeySigner, from, until time.Time) {
		t.Helper()
		_, err := reg.Authorize(ctx, issuer, realm, d.Address(), from, until)
		require.NoError(t, err)
	}
	past := time.Now().Add(-hour)
	type req struct {
		vc          *cert.VerifiedChain
		realm, hint common.Address
	}
	cases := []struct {
		name   string
		setup  func(d *chain.KeySigner) req
		reason string // "" = trusted
	}{
		{"valid lone root-issued", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			return req{e.lone(d), realm, common.Address{}}
		}, ""},
		{"valid chain root-issued", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			return req{e.chain(d, e.root, nil, realm), realm, common.Address{}}
		}, ""},
		{"valid chain operator-issued", func(d *chain.KeySigner) req {
			authorize(e.operator, realm, d, past, time.Time{})
			return req{e.chain(d, e.root, e.operator, realm), realm, common.Address{}}
		}, ""},
		{"valid lone with issuer hint", func(d *chain.KeySigner) req {
			authorize(e.operator, realm, d, past, time.Time{})
			return req{e.lone(d), realm, e.operator.Address()}
		}, ""},
		{"lone without hint asks the root", func(d *chain.KeySigner) req {
			authorize(e.operator, realm, d, past, time.Time{})
			return req{e.lone(d), realm, common.Address{}}
		}, "NotAuthorized"},
		{"unknown root", func(d *chain.KeySigner) req {
			authorize(stranger, strangeRealm.Address(), d, past, time.Time{})
			return req{e.lone(d), strangeRealm.Address(), common.Address{}}
		}, "UnknownRealm"},
		{"realm root differs from configured", func(d *chain.KeySigner) req {
			authorize(root2, realm2.Address(), d, past, time.Time{})
			return req{e.lone(d), realm2.Address(), root2.Address()}
		}, verifier.ReasonRootMismatch},
		{"chain ends in another root", func(d *chain.KeySigner) req {
			authorize(root2, realm2.Address(), d, past, time.Time{})
			return req{e.chain(d, root2, nil, realm2.Address()), realm2.Address(), common.Address{}}
		}, verifier.ReasonRootMismatch},
		{"retired root", func(d *chain.KeySigner) req {
			authorize(root3, realm3.Address(), d, past, time.Time{})
			_, err := reg.Retire(ctx, root3)
			require.NoError(t, err)
			return req{e.lone(d), realm3.Address(), common.Address{}}
		}, "RootNotActive"},
		{"unadmitted issuer", func(d *chain.KeySigner) req {
			authorize(unadmitted, realm, d, past, time.Time{})
			return req{e.lone(d), realm, unadmitted.Address()}
		}, "IssuerNotAdmitted"},
		{"missing role capability", func(d *chain.KeySigner) req {
			authorize(providerOnly, realm, d, past, time.Time{})
			return req{e.lone(d), realm, providerOnly.Address()}
		}, verifier.ReasonCapabilities},
		{"expired", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, time.Now().Add(-2*hour), past)
			return req{e.lone(d), realm, common.Address{}}
		}, "Expired"},
		{"not yet valid", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, time.Now().Add(hour), time.Time{})
			return req{e.lone(d), realm, common.Address{}}
		}, "NotYetValid"},
		{"revoked", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			_, err := reg.Revoke(ctx, e.root, realm, d.Address())
			require.NoError(t, err)
			return req{e.lone(d), realm, common.Address{}}
		}, "Revoked"},
		{"epoch bumped", func(d *chain.KeySigner) req {
			authorize(root4, realm4.Address(), d, past, time.Time{})
			_, err := reg.BumpEpoch(ctx, root4)
			require.NoError(t, err)
			return req{e.lone(d), realm4.Address(), common.Address{}}
		}, "RevokedByRootEpoch"},
		{"digest revoked", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			vc := e.chain(d, e.root, nil, realm)
			_, err := reg.RevokeCertificate(ctx, e.root, vc.Digests()[1])
			require.NoError(t, err)
			return req{vc, realm, common.Address{}}
		}, verifier.ReasonCertificateRevoked},
		{"wrong chain id", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			exp := cert.Expect{ChainID: 1, VerifyingContract: reg.Address(), Block: e.head()}
			vc, err := cert.Verify([]cert.Certificate{delegateCert(t, d, exp)}, exp)
			require.NoError(t, err)
			return req{vc, realm, common.Address{}}
		}, verifier.ReasonWrongChain},
		{"wrong registry address", func(d *chain.KeySigner) req {
			authorize(e.root, realm, d, past, time.Time{})
			exp := cert.Expect{ChainID: e.Backend.ChainID().Uint64(), VerifyingContract: chain.RegistryAddress(common.Hash{1}), Block: e.head()}
			vc, err := cert.Verify([]cert.Certificate{delegateCert(t, d, exp)}, exp)
			require.NoError(t, err)
			return req{vc, realm, common.Address{}}
		}, verifier.ReasonWrongChain},
		{"realm not configured", func(d *chain.KeySigner) req {
			return req{e.lone(d), common.Address{0x99}, common.Address{}}
		}, verifier.ReasonRealmNotConfigured},
		{"revoked-all by operator", func(d *chain.KeySigner) req {
			authorize(e.operator, realm, d, past, time.Time{})
			_, err := reg.RevokeAllDelegates(ctx, e.operator, realm)
			require.NoError(t, err)
			return req{e.chain(d, e.root, e.operator, realm), realm, common.Address{}}
		}, "RevokedByIssuer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.setup(e.Signer())
			for range 2 { // cold, then from the cache: same verdict
				dec, err := e.decide(r.vc, r.realm, r.hint)
				if c.reason == "" {
					require.NoError(t, err)
					require.Equal(t, r.vc.DelegateAddress(), dec.Delegate)
					require.Equal(t, e.root.Address(), dec.Trustroot)
					require.NotZero(t, dec.Capabilities&cert.CapConsumer)
				} else {
					requireReason(t, err, c.reason)
				}
			}
		})
	}
}

// TestNewChecksRegistry refuses an address without the registry.
func TestNewChecksRegistry(t *testing.T) {
	e := chaintest.New(t, chaintest.Simulated, 0)
	_, err := verifier.New(e.Ctx, e.Backend, verifier.Config{Registry: chain.RegistryAddress(common.Hash{1})})
	require.ErrorIs(t, err, verifier.ErrWrongRegistry)
	require.ErrorContains(t, err, "no code at")
	_, err = verifier.New(e.Ctx, e.Backend, verifier.Config{Registry: chain.DeterministicDeployer})
	require.ErrorIs(t, err, verifier.ErrWrongRegistry)
	_, err = verifier.New(e.Ctx, e.Backend, verifier.Config{})
	require.ErrorContains(t, err, "no registry address")
}

// TestWarmCache checks that a second decision is served from the cache without a read.
func TestWarmCache(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.start()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, e.realm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	require.NoError(t, err)
	before := e.v.Stats()
	for range 10 {
		_, err = e.decide(vc, e.realm.Address(), common.Address{})
		require.NoError(t, err)
	}
	after := e.v.Stats()
	require.Equal(t, before.Reads, after.Reads, "warm decisions must not read the chain")
	require.Equal(t, before.Hits+10, after.Hits)
}

// TestStalenessBound re-reads a verdict older than MaxStaleBlocks.
func TestStalenessBound(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.cfg.MaxStaleBlocks = 2
	e.start()
	d := e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, e.realm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	require.NoError(t, err)
	reads := e.v.Stats().Reads
	for range 3 {
		e.Mine()
	}
	require.Eventually(t, func() bool { return e.v.Stats().Head >= e.head() }, 5*time.Second, 5*time.Millisecond)
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	require.NoError(t, err)
	require.Equal(t, reads+1, e.v.Stats().Reads, "a verdict 3 blocks old with a bound of 2 is re-read")
}

// TestConfirmationsGatePositives: with 2 confirmations a new authorization counts only once
// confirmed, while a revocation counts at once.
func TestConfirmationsGatePositives(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{Simulated: e.Sim, Confirmations: 2})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	e.Backend = b
	e.start()
	d := e.Signer()
	_, err = e.Reg.Authorize(e.Ctx, e.root, e.realm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	e.waitProcessed()
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	requireReason(t, err, verifier.ReasonNotConfirmed)
	e.Mine()
	e.Mine()
	// Decisions are read at the processed block: wait for it, not for the head.
	e.waitProcessed()
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	require.NoError(t, err)
	_, err = e.Reg.Revoke(e.Ctx, e.root, e.realm.Address(), d.Address())
	require.NoError(t, err)
	e.waitRevocation(verifier.RevokedDelegate, 5*time.Second)
	_, err = e.decide(vc, e.realm.Address(), common.Address{})
	requireReason(t, err, "Revoked")
}

// TestRevocationPropagation measures, on every backend, the time from a revocation being mined
// (the write returned its receipt) to the verifier dropping the verdict and notifying its owner.
func TestRevocationPropagation(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS, chaintest.AnvilHTTP} {
		t.Run(string(k), func(t *testing.T) {
			e := setup(t, k, 0)
			e.start()
			realm := e.realm.Address()
			d1, d2, d3 := e.Signer(), e.Signer(), e.Signer()
			for _, d := range []*chain.KeySigner{d1, d2} {
				_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
				require.NoError(t, err)
			}
			_, err := e.Reg.Authorize(e.Ctx, e.operator, realm, d3.Address(), time.Time{}, time.Time{})
			require.NoError(t, err)
			vc1, vc2, vc3 := e.lone(d1), e.lone(d2), e.lone(d3)
			for _, c := range []struct {
				vc   *cert.VerifiedChain
				hint common.Address
			}{{vc1, common.Address{}}, {vc2, common.Address{}}, {vc3, e.operator.Address()}} {
				_, err := e.decide(c.vc, realm, c.hint)
				require.NoError(t, err)
			}
			drain(e.revs)

			// Both chains automine: the block exists when eth_sendRawTransaction returns.
			tx, err := e.Reg.Submit(e.Ctx, e.root, e.Reg.ABI.PackRevoke(realm, d1.Address()))
			require.NoError(t, err)
			mined := time.Now()
			r, at := e.waitRevocation(verifier.RevokedDelegate, 5*time.Second)
			rc, err := e.Reg.Wait(e.Ctx, tx.Hash())
			require.NoError(t, err)
			require.Equal(t, d1.Address(), r.Delegate)
			require.Equal(t, rc.BlockNumber.Uint64(), r.Block)
			latency := at.Sub(mined)
			t.Logf("%s: revoke mined → verdict dropped in %s", k, latency)
			if k != chaintest.AnvilHTTP {
				require.Less(t, latency, time.Second, "subscribed verifiers see the revocation within one block")
			} else {
				require.Less(t, latency, 2*time.Second, "polling verifiers see it within a poll interval")
			}
			_, err = e.decide(vc1, realm, common.Address{})
			requireReason(t, err, "Revoked")
			_, err = e.decide(vc2, realm, common.Address{})
			require.NoError(t, err, "other delegates keep their verdict")

			_, err = e.Reg.RevokeAllDelegates(e.Ctx, e.operator, realm)
			require.NoError(t, err)
			r, _ = e.waitRevocation(verifier.RevokedAllDelegates, 5*time.Second)
			require.Equal(t, e.operator.Address(), r.Issuer)
			_, err = e.decide(vc3, realm, e.operator.Address())
			requireReason(t, err, "RevokedByIssuer")

			_, err = e.Reg.BumpEpoch(e.Ctx, e.root)
			require.NoError(t, err)
			r, _ = e.waitRevocation(verifier.RevokedByEpoch, 5*time.Second)
			require.Equal(t, e.root.Address(), r.Root)
			_, err = e.decide(vc2, realm, common.Address{})
			requireReason(t, err, "RevokedByRootEpoch")
		})
	}
}

// TestEndpointKilled stops anvil mid-test: decisions fail closed (stale vs unreachable), and
// recover when a new node comes back on the same port — without a stale positive verdict
// surviving the dropped subscription (the new chain does not authorize the delegate), and
// only once the new chain has grown past the block the verifier had processed.
func TestEndpointKilled(t *testing.T) {
	e := setup(t, chaintest.AnvilWS, 0)
	e.cfg.PollInterval = 50 * time.Millisecond
	e.start()
	realm := e.realm.Address()
	d, other := e.Signer(), e.Signer()
	_, err := e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc, vcOther := e.lone(d), e.lone(other)
	_, err = e.decide(vc, realm, common.Address{})
	require.NoError(t, err)

	port := e.Node.Port()
	e.Node.Stop()
	require.Eventually(t, func() bool { return !e.v.Stats().Synced }, 5*time.Second, 5*time.Millisecond)
	_, err = e.decide(vc, realm, common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.ErrorIs(t, err, verifier.ErrStale)
	require.NotErrorIs(t, err, e2ee.ErrUntrusted)
	t.Log(err)
	_, err = e.decide(vcOther, realm, common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.ErrorIs(t, err, verifier.ErrUnreachable)
	t.Log(err)

	// A new node on the same port: fresh state, the registry redeployed at the same address.
	e.Node = chaintest.StartAnvil(t, anvil.Options{Port: port})
	e.Deploy()
	require.Equal(t, e.cfg.Registry, e.Reg.Address(), "CREATE2: same address")
	require.Eventually(t, func() bool { return e.v.Stats().Synced }, 10*time.Second, 10*time.Millisecond)
	_, err = e.Reg.RegisterRoot(e.Ctx, e.root, chain.PolicyPrivate)
	if err != nil { // the root's account is not funded on the new chain: fund and retry
		e.root = fundAs(t, e, e.root)
		_, err = e.Reg.RegisterRoot(e.Ctx, e.root, chain.PolicyPrivate)
	}
	require.NoError(t, err)
	_, err = e.decide(vc, realm, common.Address{})
	require.Error(t, err, "the old positive verdict must not survive the outage")
	// The new chain is below the block the verifier processed. With another block 0 (anvil's
	// genesis carries the second it started in) it is recognised as another chain and decided
	// from; with the same one it is indistinguishable from a node that lags, and decisions
	// fail closed until it has grown past that block.
	if !errors.Is(err, e2ee.ErrUntrusted) {
		require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	}
	processed := e.v.Head()
	require.NoError(t, e.Backend.RPC().Call(nil, "anvil_mine", hexutil.EncodeUint64(processed)))
	require.Eventually(t, func() bool {
		_, err := e.decide(vc, realm, common.Address{})
		return errors.Is(err, e2ee.ErrUntrusted)
	}, 10*time.Second, 10*time.Millisecond, "decides from the new chain once it passed the processed block")
	e.realm = fundAs(t, e, e.realm)
	_, err = e.Reg.SetRealmCA(e.Ctx, e.realm, e.root)
	require.NoError(t, err)
	_, err = e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	_, err = e.decide(vc, realm, common.Address{})
	require.NoError(t, err, "recovered")
	require.NotZero(t, e.v.Stats().Resyncs)
}

// fundAs funds s's address on the current chain from the payer.
func fundAs(t *testing.T, e *tenv, s *chain.KeySigner) *chain.KeySigner {
	t.Helper()
	c := e.Backend.Client()
	ctx, cancel := context.WithTimeout(e.Ctx, 30*time.Second)
	defer cancel()
	require.NoError(t, chaintest.Fund(ctx, e.Env, s.Address()))
	_ = c
	return s
}

// TestReorgDropsVerdict authorizes a delegate, caches the positive verdict, then reorganises
// the simulated chain onto a branch without the authorization.
func TestReorgDropsVerdict(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.start()
	realm := e.realm.Address()
	d := e.Signer()
	parent, err := e.Backend.Client().HeaderByNumber(e.Ctx, nil)
	require.NoError(t, err)
	_, err = e.Reg.Authorize(e.Ctx, e.root, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, realm, common.Address{})
	require.NoError(t, err)
	drain(e.revs)

	require.NoError(t, e.Sim.Backend().Fork(parent.Hash()))
	e.Sim.Backend().Rollback() // drop the reinjected authorization
	e.Mine()
	e.Mine()
	e.waitRevocation(verifier.Resync, 5*time.Second)
	require.NotZero(t, e.v.Stats().Reorgs)
	_, err = e.decide(vc, realm, common.Address{})
	requireReason(t, err, "NotAuthorized")
}

// TestCloseStopsFollower: Close stops the follower goroutine and later decisions fail closed.
func TestCloseStopsFollower(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.start()
	before := runtime.NumGoroutine()
	e.v.Close()
	e.v.Close() // idempotent
	require.Eventually(t, func() bool { return runtime.NumGoroutine() < before }, 5*time.Second, 10*time.Millisecond)
	_, err := e.decide(e.lone(e.Signer()), e.realm.Address(), common.Address{})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.ErrorIs(t, err, verifier.ErrClosed)
}

// TestBadRequests never reach the chain.
func TestBadRequests(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	e.start()
	_, err := e.v.Decide(e.Ctx, e2ee.TrustRequest{Realm: e.realm.Address(), Role: e2ee.RoleCaller})
	requireReason(t, err, verifier.ReasonBadRequest)
	_, err = e.v.Decide(e.Ctx, e2ee.TrustRequest{Realm: e.realm.Address(), Role: "admin", Chain: e.lone(e.Signer())})
	requireReason(t, err, verifier.ReasonBadRequest)
	ctx, cancel := context.WithCancel(e.Ctx)
	cancel()
	_, err = e.v.Decide(ctx, e2ee.TrustRequest{Realm: e.realm.Address(), Role: e2ee.RoleCaller, Chain: e.lone(e.Signer())})
	require.ErrorIs(t, err, e2ee.ErrTrustUnavailable)
	require.Zero(t, e.v.Stats().Reads)
}

// TestHeadFollowsTheChain: Head is the block the follower saw last, with no request of its own.
func TestHeadFollowsTheChain(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS} {
		t.Run(string(k), func(t *testing.T) {
			e := setup(t, k, 0)
			e.start()
			require.Equal(t, e.head(), e.v.Head())
			_, err := e.Reg.Authorize(e.Ctx, e.root, e.realm.Address(), e.Signer().Address(), time.Time{}, time.Time{})
			require.NoError(t, err)
			want := e.head()
			reads := e.v.Stats().Reads
			require.Eventually(t, func() bool { return e.v.Head() == want }, 5*time.Second, time.Millisecond)
			require.Equal(t, reads, e.v.Stats().Reads)
		})
	}
}
