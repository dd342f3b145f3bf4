package verifier_test

import (
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// tenv is a chain with one realm (Private root, admitted operator) and a verifier.
type tenv struct {
	*chaintest.Env
	root, realm, operator *chain.KeySigner
	v                     *verifier.Verifier
	revs                  chan verifier.Revocation
	cfg                   verifier.Config
}

func setup(t testing.TB, k chaintest.Kind, confirmations uint64) *tenv {
	t.Helper()
	e := &tenv{Env: chaintest.New(t, k, confirmations)}
	e.root, e.realm, e.operator = e.Account(), e.Account(), e.Account()
	ctx, reg := e.Ctx, e.Reg
	_, err := reg.RegisterRoot(ctx, e.root, chain.PolicyPrivate)
	require.NoError(t, err)
	_, err = reg.SetRealmCA(ctx, e.realm, e.root)
	require.NoError(t, err)
	_, err = reg.AdmitOperator(ctx, e.root, e.realm.Address(), e.operator.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer)
	require.NoError(t, err)
	e.revs = make(chan verifier.Revocation, 1024)
	e.cfg = verifier.Config{
		Registry:     reg.Address(),
		Trustroots:   map[common.Address]common.Address{e.realm.Address(): e.root.Address()},
		PollInterval: 50 * time.Millisecond,
		OnRevocation: func(r verifier.Revocation) {
			select {
			case e.revs <- r:
			default:
			}
		},
	}
	return e
}

// start creates the verifier with e.cfg (after tests adjusted it) and waits until it is synced.
func (e *tenv) start() {
	e.T.Helper()
	v, err := verifier.New(e.Ctx, e.Backend, e.cfg)
	require.NoError(e.T, err)
	e.T.Cleanup(v.Close)
	e.v = v
	e.waitSynced()
}

func (e *tenv) waitSynced() {
	e.T.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !e.v.Stats().Synced {
		if time.Now().After(deadline) {
			e.T.Fatal("verifier did not sync")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitProcessed waits until the follower's processed block P, at which decisions are read,
// reaches the chain's head. Stats.Head is not that condition: a liveness check or a read's
// eth_blockNumber raises it before the follower has processed the new blocks, and a decision
// read at an older P may still see an authorization as unconfirmed.
func (e *tenv) waitProcessed() {
	e.T.Helper()
	want := e.head()
	require.Eventually(e.T, func() bool { return e.v.Processed() >= want }, 5*time.Second, time.Millisecond)
}

func (e *tenv) head() uint64 {
	e.T.Helper()
	n, err := e.Backend.Client().BlockNumber(e.Ctx)
	require.NoError(e.T, err)
	return n
}

func (e *tenv) expect() cert.Expect {
	return cert.Expect{ChainID: e.Backend.ChainID().Uint64(), VerifyingContract: e.Reg.Address(), Block: e.head()}
}

func delegateCert(t testing.TB, d *chain.KeySigner, exp cert.Expect) cert.Certificate {
	t.Helper()
	c, err := cert.SignDelegate(d, cert.DelegateCertificate{ChainID: exp.ChainID, VerifyingContract: exp.VerifyingContract, Delegate: d.Address(), CSPubKey: [32]byte{1}, BootedAt: uint64(time.Now().UnixNano())})
	require.NoError(t, err)
	return c
}

func authorityCert(t testing.TB, issuer *chain.KeySigner, subject, realm common.Address, caps uint64, exp cert.Expect) cert.Certificate {
	t.Helper()
	c, err := cert.SignAuthority(issuer, cert.AuthorityCertificate{ChainID: exp.ChainID, VerifyingContract: exp.VerifyingContract, Issuer: issuer.Address(), Subject: subject, Realm: realm, Capabilities: caps})
	require.NoError(t, err)
	return c
}

// lone returns d's verified lone delegate certificate.
func (e *tenv) lone(d *chain.KeySigner) *cert.VerifiedChain {
	e.T.Helper()
	exp := e.expect()
	vc, err := cert.Verify([]cert.Certificate{delegateCert(e.T, d, exp)}, exp)
	require.NoError(e.T, err)
	return vc
}

// chain returns d's verified chain in realm up to root; with operator set, via the operator.
func (e *tenv) chain(d, root, operator *chain.KeySigner, realm common.Address) *cert.VerifiedChain {
	e.T.Helper()
	exp := e.expect()
	all := cert.CapRootCA | cert.CapIntermediateCA | cert.CapProvider | cert.CapConsumer
	certs := []cert.Certificate{delegateCert(e.T, d, exp)}
	if operator != nil {
		certs = append(certs,
			authorityCert(e.T, operator, d.Address(), realm, cert.CapProvider|cert.CapConsumer, exp),
			authorityCert(e.T, root, operator.Address(), realm, cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer, exp))
	} else {
		certs = append(certs, authorityCert(e.T, root, d.Address(), realm, cert.CapProvider|cert.CapConsumer, exp))
	}
	certs = append(certs, authorityCert(e.T, root, root.Address(), realm, all, exp))
	vc, err := cert.Verify(certs, exp)
	require.NoError(e.T, err)
	return vc
}

func (e *tenv) decide(vc *cert.VerifiedChain, realm, hint common.Address) (e2ee.TrustDecision, error) {
	return e.v.Decide(e.Ctx, e2ee.TrustRequest{Realm: realm, URI: "com.example.topic", Role: e2ee.RoleSubscriber, Chain: vc, IssuerHint: hint})
}

// requireReason asserts a definite no with reason.
func requireReason(t testing.TB, err error, reason string) {
	t.Helper()
	require.Error(t, err)
	require.ErrorIs(t, err, e2ee.ErrUntrusted, "%v", err)
	require.NotErrorIs(t, err, e2ee.ErrTrustUnavailable)
	var ue *verifier.UntrustedError
	require.True(t, errors.As(err, &ue), "%v", err)
	require.Equal(t, reason, ue.Reason, "%v", err)
}

// waitRevocation waits for a revocation of kind and returns when it arrived.
func (e *tenv) waitRevocation(kind verifier.RevocationKind, within time.Duration) (verifier.Revocation, time.Time) {
	e.T.Helper()
	timeout := time.After(within)
	for {
		select {
		case r := <-e.revs:
			if r.Kind == kind {
				return r, time.Now()
			}
		case <-timeout:
			e.T.Fatalf("no %s revocation within %s", kind, within)
		}
	}
}

func drain(ch chan verifier.Revocation) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}
