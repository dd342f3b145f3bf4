package verifier_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TestAdmissionRequestSuspends: under a Permissioned policy an admitted operator that files a
// new admission request is suspended on-chain (IssuerNotAdmitted for every delegate it
// issued); the cached yes must not survive the AdmissionRequested event.
func TestAdmissionRequestSuspends(t *testing.T) {
	e := setup(t, chaintest.Simulated, 0)
	ctx, reg, realm := e.Ctx, e.Reg, e.realm.Address()
	_, err := reg.SetPolicy(ctx, e.root, chain.PolicyPermissioned)
	require.NoError(t, err)
	e.start()
	d := e.Signer()
	_, err = reg.Authorize(ctx, e.operator, realm, d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	vc := e.lone(d)
	_, err = e.decide(vc, realm, e.operator.Address())
	require.NoError(t, err)
	drain(e.revs)
	_, err = reg.RequestAdmission(ctx, e.operator, realm, cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer|cert.CapGateway)
	require.NoError(t, err)
	a, err := reg.AuthorizationStatus(ctx, e.operator.Address(), realm, d.Address())
	require.NoError(t, err)
	require.Equal(t, chain.StatusIssuerNotAdmitted, a.Status)
	r, _ := e.waitRevocation(verifier.RemovedOperator, 5*time.Second)
	require.Equal(t, e.operator.Address(), r.Issuer)
	require.Equal(t, realm, r.Realm)
	_, err = e.decide(vc, realm, e.operator.Address())
	requireReason(t, err, "IssuerNotAdmitted")
}

// TestNarrowingNotifies: registry changes that take trust away without a revocation event —
// a re-admission with fewer capabilities, a re-authorization whose window already ended, an
// admission request that suspends the operator — drop the cached yes and are reported to
// OnRevocation, so that the node rotates the keys the delegate may hold.
func TestNarrowingNotifies(t *testing.T) {
	type change func(e *tenv, d *chain.KeySigner) error
	for _, tc := range []struct {
		name         string
		permissioned bool
		roleCaps     bool
		change       change
		reason       string
		kind         verifier.RevocationKind
	}{
		{name: "re-admission without INTERMEDIATE_CA", change: func(e *tenv, _ *chain.KeySigner) error {
			_, err := e.Reg.AdmitOperator(e.Ctx, e.root, e.realm.Address(), e.operator.Address(), cert.CapProvider|cert.CapConsumer)
			return err
		}, reason: "IssuerMissingCapability", kind: verifier.RemovedOperator},
		{name: "re-admission without CONSUMER", roleCaps: true, change: func(e *tenv, _ *chain.KeySigner) error {
			_, err := e.Reg.AdmitOperator(e.Ctx, e.root, e.realm.Address(), e.operator.Address(), cert.CapIntermediateCA|cert.CapProvider)
			return err
		}, reason: verifier.ReasonCapabilities, kind: verifier.RemovedOperator},
		{name: "re-authorization with an ended window", change: func(e *tenv, d *chain.KeySigner) error {
			now := time.Now()
			_, err := e.Reg.Authorize(e.Ctx, e.operator, e.realm.Address(), d.Address(), now.Add(-2*time.Hour), now.Add(-time.Hour))
			return err
		}, reason: "Expired", kind: verifier.RevokedDelegate},
		{name: "re-authorization not yet valid", change: func(e *tenv, d *chain.KeySigner) error {
			_, err := e.Reg.Authorize(e.Ctx, e.operator, e.realm.Address(), d.Address(), time.Now().Add(time.Hour), time.Time{})
			return err
		}, reason: "NotYetValid", kind: verifier.SuspendedDelegate},
		{name: "admission request under Permissioned", permissioned: true, change: func(e *tenv, _ *chain.KeySigner) error {
			_, err := e.Reg.RequestAdmission(e.Ctx, e.operator, e.realm.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer|cert.CapGateway)
			return err
		}, reason: "IssuerNotAdmitted", kind: verifier.RemovedOperator},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t, chaintest.Simulated, 0)
			if tc.permissioned {
				_, err := e.Reg.SetPolicy(e.Ctx, e.root, chain.PolicyPermissioned)
				require.NoError(t, err)
			}
			if tc.roleCaps {
				e.cfg.RoleCapabilities = verifier.ProviderConsumerCapabilities()
			}
			e.start()
			realm := e.realm.Address()
			d := e.Signer()
			_, err := e.Reg.Authorize(e.Ctx, e.operator, realm, d.Address(), time.Time{}, time.Time{})
			require.NoError(t, err)
			vc := e.lone(d)
			_, err = e.decide(vc, realm, e.operator.Address())
			require.NoError(t, err)
			drain(e.revs)

			require.NoError(t, tc.change(e, d))
			r, _ := e.waitRevocation(tc.kind, 5*time.Second)
			require.Equal(t, e.operator.Address(), r.Issuer)
			require.Equal(t, realm, r.Realm)
			if tc.kind == verifier.RevokedDelegate || tc.kind == verifier.SuspendedDelegate {
				require.Equal(t, d.Address(), r.Delegate)
			}
			// The revocation is reported after the verdict was dropped.
			_, err = e.decide(vc, realm, e.operator.Address())
			requireReason(t, err, tc.reason)
		})
	}
}

// TestAuthorizationInWindowDoesNotNotify: a (re-)authorization whose window contains the
// present reports nothing (the node rotates no keys for ordinary authorizations, and refuses
// no one) — including one that starts "now" by the issuer's clock, the CLI's default, and one
// whose start is a few seconds ahead of the chain's.
func TestAuthorizationInWindowDoesNotNotify(t *testing.T) {
	for _, k := range []chaintest.Kind{chaintest.Simulated, chaintest.AnvilWS} {
		t.Run(string(k), func(t *testing.T) {
			e := setup(t, k, 0)
			e.start()
			realm := e.realm.Address()
			for _, from := range []time.Time{time.Now().Add(-time.Minute), time.Now(), time.Now().Add(5 * time.Second)} {
				d := e.Signer()
				events := e.v.Stats().Events
				_, err := e.Reg.Authorize(e.Ctx, e.operator, realm, d.Address(), from, time.Now().Add(time.Hour))
				require.NoError(t, err)
				require.Eventually(t, func() bool { return e.v.Stats().Events > events }, 5*time.Second, 5*time.Millisecond)
			}
			select {
			case r := <-e.revs:
				t.Fatalf("unexpected revocation %+v", r)
			case <-time.After(100 * time.Millisecond):
			}
		})
	}
}
