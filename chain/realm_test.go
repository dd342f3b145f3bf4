package chain_test

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/internal/chaintest"
)

// CheckDelegate finds the issuer of a delegate that an admitted Operator-CA
// authorized (cert verify --rpc once assumed the realm's root and refused
// it), names the right issuer when given a wrong one, reports a revocation
// by the issuer that wrote it, and fills in the realm's root where the
// registry's NotAuthorized answer leaves it zero.
func TestCheckDelegate(t *testing.T) {
	f := newFixture(t, "root", "realm", "operator")
	root, realm, operator := f.acc["root"].addr, f.acc["realm"].addr, f.acc["operator"].addr
	byRoot, byOperator, nobody := common.Address{0xd1}, common.Address{0xd2}, common.Address{0xd3}
	from, until := window()
	f.setupRealm(policyPrivate)
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA|capProvider))
	f.send("root", f.abi.PackAuthorize(realm, byRoot, from, until))
	f.send("operator", f.abi.PackAuthorize(realm, byOperator, from, until))

	c, err := f.reg.CheckDelegate(f.ctx, realm, byOperator, common.Address{})
	require.NoError(t, err)
	assert.Equal(t, chain.StatusValid, c.Status)
	assert.Equal(t, operator, c.Issuer)
	assert.Equal(t, "Operator-CA, Admitted", c.IssuerRole)
	assert.Equal(t, root, c.Root)
	assert.NoError(t, c.Err())

	c, err = f.reg.CheckDelegate(f.ctx, realm, byRoot, common.Address{})
	require.NoError(t, err)
	assert.Equal(t, chain.StatusValid, c.Status)
	assert.Equal(t, root, c.Issuer)
	assert.Equal(t, "Realm-CA", c.IssuerRole)

	// A wrong issuer given: refused, and the right one named.
	c, err = f.reg.CheckDelegate(f.ctx, realm, byOperator, root)
	require.NoError(t, err)
	assert.Equal(t, chain.StatusNotAuthorized, c.Status)
	assert.Equal(t, root, c.Root, "the realm's root, not 0x000…000")
	assert.Equal(t, operator, c.Found)
	assert.ErrorIs(t, c.Err(), chain.ErrUnauthorized)
	assert.ErrorContains(t, c.Err(), "use issuer "+operator.Hex())

	// Nobody authorized it.
	c, err = f.reg.CheckDelegate(f.ctx, realm, nobody, common.Address{})
	require.NoError(t, err)
	assert.Equal(t, chain.StatusNotAuthorized, c.Status)
	assert.Equal(t, root, c.Root)
	assert.ErrorContains(t, c.Err(), "no issuer has authorized delegate "+nobody.Hex())

	// A revocation is reported with the issuer that revoked.
	f.send("operator", f.abi.PackRevoke(realm, byOperator))
	c, err = f.reg.CheckDelegate(f.ctx, realm, byOperator, common.Address{})
	require.NoError(t, err)
	assert.Equal(t, chain.StatusRevoked, c.Status)
	assert.Equal(t, operator, c.Issuer)
	assert.ErrorContains(t, c.Err(), "issuer "+operator.Hex()+" (Operator-CA, Admitted): Revoked")

	// An unknown realm.
	c, err = f.reg.CheckDelegate(f.ctx, common.Address{0xee}, byRoot, common.Address{})
	require.NoError(t, err)
	assert.ErrorContains(t, c.Err(), "has no Realm-CA on this registry: check the realm address and the registry address")
}

func TestReadRealm(t *testing.T) {
	f := newFixture(t, "root", "realm", "operator", "applicant", "root2", "realm2")
	root, realm := f.acc["root"].addr, f.acc["realm"].addr
	operator, applicant := f.acc["operator"].addr, f.acc["applicant"].addr
	f.setupRealm(policyPermissioned)
	f.send("operator", f.abi.PackRequestAdmission(realm, capIntermediateCA))
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA))
	f.send("applicant", f.abi.PackRequestAdmission(realm, capIntermediateCA|capProvider))
	f.send("root2", f.abi.PackRegisterRoot(policyPrivate))
	f.send("realm2", f.abi.PackRequestRealmCA(f.acc["root2"].addr))

	st, err := f.reg.ReadRealm(f.ctx, realm)
	require.NoError(t, err)
	assert.Equal(t, root, st.Root)
	assert.NotZero(t, st.RootSetBlock)
	assert.Zero(t, st.PendingRoot)
	require.Len(t, st.Operators, 2)
	assert.Equal(t, chain.Admission{Operator: operator, Status: chain.AdmissionAdmitted, Capabilities: capIntermediateCA, Block: st.Operators[0].Block, Current: true}, st.Operators[0])
	assert.Equal(t, applicant, st.Operators[1].Operator)
	assert.Equal(t, chain.AdmissionRequested, st.Operators[1].Status)
	assert.Equal(t, uint64(capIntermediateCA|capProvider), st.Operators[1].Capabilities)

	f.send("operator", f.abi.PackRemoveOperator(realm, operator))
	st, err = f.reg.ReadRealm(f.ctx, realm)
	require.NoError(t, err)
	assert.Equal(t, chain.AdmissionRemoved, st.Operators[0].Status)

	pending, err := f.reg.ReadRealm(f.ctx, f.acc["realm2"].addr)
	require.NoError(t, err)
	assert.Zero(t, pending.Root)
	assert.Equal(t, f.acc["root2"].addr, pending.PendingRoot)
	assert.Empty(t, pending.Operators)
}

// CheckNode refuses a node whose peers would not trust it, naming the fix.
func TestCheckNode(t *testing.T) {
	f := newFixture(t, "root", "realm", "operator", "other")
	root, realm, operator := f.acc["root"].addr, f.acc["realm"].addr, f.acc["operator"].addr
	byOperator := common.Address{0xd2}
	from, until := window()
	f.setupRealm(policyPrivate)
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA))
	f.send("operator", f.abi.PackAuthorize(realm, byOperator, from, until))

	assert.NoError(t, f.reg.CheckNode(f.ctx, realm, root, byOperator, operator))
	err := f.reg.CheckNode(f.ctx, realm, root, byOperator, common.Address{})
	assert.ErrorIs(t, err, chain.ErrUnauthorized)
	assert.ErrorContains(t, err, "use issuer "+operator.Hex(), "the missing --issuer is named")
	err = f.reg.CheckNode(f.ctx, realm, f.acc["other"].addr, byOperator, operator)
	assert.ErrorContains(t, err, "Realm-CA is "+root.Hex()+", not the configured trustroot")
	f.send("operator", f.abi.PackRevoke(realm, byOperator))
	err = f.reg.CheckNode(f.ctx, realm, root, byOperator, operator)
	assert.ErrorContains(t, err, "Revoked")
}

// CheckDelegate and ReadRealm read the registry's events through an endpoint
// that, like public providers, refuses log queries over more than 10 blocks
// and rate-limits every other one (JSON-RPC -32005): in ranges it accepts,
// waiting the limits out. (Before bounded ranges, their one query from block
// 0 was refused and both failed.)
func TestRegistryEventsThroughCappedEndpoint(t *testing.T) {
	e := chaintest.New(t, chaintest.Simulated, 0)
	root, realm, operator, applicant := e.Account(), e.Account(), e.Account(), e.Account()
	_, err := e.Reg.RegisterRoot(e.Ctx, root, chain.PolicyPermissioned)
	require.NoError(t, err)
	_, err = e.Reg.SetRealmCA(e.Ctx, realm, root)
	require.NoError(t, err)
	_, err = e.Reg.Submit(e.Ctx, operator, e.Reg.ABI.PackRequestAdmission(realm.Address(), capIntermediateCA|capProvider))
	require.NoError(t, err)
	_, err = e.Reg.AdmitOperator(e.Ctx, root, realm.Address(), operator.Address(), capIntermediateCA|capProvider)
	require.NoError(t, err)
	for range 25 {
		e.Mine()
	}
	d := e.Signer()
	_, err = e.Reg.Authorize(e.Ctx, operator, realm.Address(), d.Address(), time.Time{}, time.Time{})
	require.NoError(t, err)
	for range 25 {
		e.Mine()
	}
	_, err = e.Reg.Submit(e.Ctx, applicant, e.Reg.ABI.PackRequestAdmission(realm.Address(), capIntermediateCA))
	require.NoError(t, err)

	px := chaintest.NewProviderProxy(t, e.Sim.RPCClient())
	px.RangeCap.Store(10)
	px.LogsEvery.Store(2)
	b, err := chain.Connect(e.Ctx, chain.BackendConfig{URL: px.URL, ChainID: chain.SimulatedChainID})
	require.NoError(t, err)
	t.Cleanup(b.Close)
	reg := b.Registry(e.Reg.Address())

	c, err := reg.CheckDelegate(e.Ctx, realm.Address(), d.Address(), common.Address{})
	require.NoError(t, err)
	assert.Equal(t, chain.StatusValid, c.Status)
	assert.Equal(t, operator.Address(), c.Issuer, "found from the DelegateAuthorized event")

	st, err := reg.ReadRealm(e.Ctx, realm.Address())
	require.NoError(t, err)
	require.Len(t, st.Operators, 2)
	assert.Equal(t, operator.Address(), st.Operators[0].Operator)
	assert.Equal(t, chain.AdmissionAdmitted, st.Operators[0].Status)
	assert.Equal(t, applicant.Address(), st.Operators[1].Operator)
	assert.Equal(t, chain.AdmissionRequested, st.Operators[1].Status)

	assert.LessOrEqual(t, px.Widest.Load(), uint64(10), "no log query wider than the provider's cap was answered")
	assert.Greater(t, px.LogCalls.Load(), uint64(10), "the history took many bounded queries")
}
