package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/bindings"
	"github.com/wamp-e2ee/e2ee-node/chain"
)

// Enum values of ITrustRegistry, as the ABI carries them (uint8).
const (
	policyOpen         = 0
	policyPermissioned = 1
	policyPrivate      = 2

	statusValid             = 0
	statusNotAuthorized     = 1
	statusRevoked           = 4
	statusRootNotActive     = 6
	statusRevokedByEpoch    = 7
	statusRevokedByRealm    = 8
	statusIssuerNotAdmitted = 9
	statusRevokedByIssuer   = 11

	capIntermediateCA = 1 << 1
	capProvider       = 1 << 6
	capConsumer       = 1 << 7
)

func (f *fixture) status(issuer, realm, delegate common.Address) uint8 {
	f.t.Helper()
	out := call(f, f.abi.PackAuthorizationStatus(issuer, realm, delegate), f.abi.UnpackAuthorizationStatus)
	return out.Status
}

func (f *fixture) setupRealm(policy uint8) {
	f.t.Helper()
	f.send("root", f.abi.PackRegisterRoot(policy))
	f.send("realm", f.abi.PackRequestRealmCA(f.acc["root"].addr))
	f.send("root", f.abi.PackAcceptRealm(f.acc["realm"].addr))
}

func window() (*big.Int, *big.Int) {
	from := big.NewInt(time.Now().Add(-time.Minute).Unix())
	return from, big.NewInt(0)
}

// TestDelegateLifecycle exercises authorize, revoke, revokeAllDelegates, bumpEpoch, retire and
// the authorization check through the generated bindings, including the events.
func TestDelegateLifecycle(t *testing.T) {
	f := newFixture(t, "root", "realm", "operator")
	root, realm, operator := f.acc["root"].addr, f.acc["realm"].addr, f.acc["operator"].addr
	d1, d2 := common.Address{0xd1}, common.Address{0xd2}
	from, until := window()

	f.setupRealm(policyPrivate)
	root0 := call(f, f.abi.PackGetRoot(root), f.abi.UnpackGetRoot)
	require.Equal(t, uint8(1), root0.Kind)
	require.Equal(t, uint8(1), root0.Status)
	require.Equal(t, uint64(3), root0.Sequence, "registered, realm requested, realm accepted")
	require.Equal(t, root, call(f, f.abi.PackGetRealm(realm), f.abi.UnpackGetRealm).Root)

	requireRevert(t, f.sendErr("operator", f.abi.PackRequestAdmission(realm, capIntermediateCA)), "RealmRegistryAdmissionPrivate")
	requireRevert(t, f.sendErr("root", f.abi.PackAdmitOperator(realm, operator, 1)), "WmpCapabilitiesInvalidCapabilities")
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA|capProvider))

	f.send("root", f.abi.PackAuthorize(realm, d1, from, until))
	f.send("operator", f.abi.PackAuthorize(realm, d2, from, until))
	require.Equal(t, statusValid, int(f.status(root, realm, d1)))
	require.Equal(t, statusValid, int(f.status(operator, realm, d2)))
	require.True(t, call(f, f.abi.PackIsAuthorized(root, realm, d1), f.abi.UnpackIsAuthorized))
	require.Equal(t, statusNotAuthorized, int(f.status(operator, realm, d1)))

	it, err := bind.FilterEvents(f.reg.ABI.Instance(f.sim.Client(), f.reg.Address()), &bind.FilterOpts{Start: 0}, f.abi.UnpackDelegateAuthorizedEvent, []any{operator})
	require.NoError(t, err)
	require.True(t, it.Next())
	ev := it.Value()
	require.Equal(t, operator, ev.Issuer)
	require.Equal(t, realm, ev.Realm)
	require.Equal(t, d2, ev.Delegate)
	require.Equal(t, from.Uint64(), ev.ValidFrom.Uint64())
	require.False(t, it.Next())
	require.NoError(t, it.Close())

	// Revocation of one authorization, then no-ops are rejected with named errors.
	f.send("root", f.abi.PackRevoke(realm, d1))
	require.Equal(t, statusRevoked, int(f.status(root, realm, d1)))
	requireRevert(t, f.sendErr("root", f.abi.PackRevoke(realm, d1)), "DelegateRegistryAlreadyRevoked")
	requireRevert(t, f.sendErr("root", f.abi.PackRevoke(realm, common.Address{0xee})), "DelegateRegistryNotAuthorized")

	// Operator revoke-all voids its older authorizations; a fresh one in a later block is valid.
	f.send("operator", f.abi.PackRevokeAllDelegates(realm))
	require.Equal(t, statusRevokedByIssuer, int(f.status(operator, realm, d2)))
	f.send("operator", f.abi.PackAuthorize(realm, d2, from, until))
	require.Equal(t, statusValid, int(f.status(operator, realm, d2)))

	// Root epoch bump voids everything issued so far, admissions included.
	f.send("root", f.abi.PackAuthorize(realm, d1, from, until))
	f.send("root", f.abi.PackBumpEpoch())
	require.Equal(t, statusRevokedByEpoch, int(f.status(root, realm, d1)))
	require.Equal(t, statusRevokedByEpoch, int(f.status(operator, realm, d2)))
	f.send("root", f.abi.PackAuthorize(realm, d1, from, until))
	require.Equal(t, statusValid, int(f.status(root, realm, d1)))
	f.send("operator", f.abi.PackAuthorize(realm, d2, from, until))
	require.Equal(t, statusIssuerNotAdmitted, int(f.status(operator, realm, d2)), "admission predates the epoch")
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA))
	require.Equal(t, statusValid, int(f.status(operator, realm, d2)))

	// Operator removal is permanent for its old authorizations.
	f.send("operator", f.abi.PackRemoveOperator(realm, operator))
	require.Equal(t, statusIssuerNotAdmitted, int(f.status(operator, realm, d2)))

	// Retiring the root voids everything, and is final.
	f.send("root", f.abi.PackRetire())
	require.Equal(t, statusRootNotActive, int(f.status(root, realm, d1)))
	requireRevert(t, f.sendErr("root", f.abi.PackRetire()), "TrustrootRegistryRootNotActive")
}

// TestRealmMoveVoidsOldAuthorizations checks that moving a realm to another root voids the old
// root's authorizations and admissions.
func TestRealmMoveVoidsOldAuthorizations(t *testing.T) {
	f := newFixture(t, "root", "realm", "root2")
	root, realm, root2 := f.acc["root"].addr, f.acc["realm"].addr, f.acc["root2"].addr
	from, until := window()
	f.setupRealm(policyPrivate)
	f.send("root", f.abi.PackAuthorize(realm, common.Address{0xd1}, from, until))
	require.Equal(t, statusValid, int(f.status(root, realm, common.Address{0xd1})))
	f.send("root2", f.abi.PackRegisterRoot(policyOpen))
	requireRevert(t, f.sendErr("root2", f.abi.PackAcceptRealm(realm)), "RealmRegistryRealmCANotRequested")
	f.send("realm", f.abi.PackRequestRealmCA(root2))
	require.Equal(t, root2, call(f, f.abi.PackPendingRealmCA(realm), f.abi.UnpackPendingRealmCA))
	f.send("root2", f.abi.PackAcceptRealm(realm))
	require.Equal(t, statusIssuerNotAdmitted, int(f.status(root, realm, common.Address{0xd1})))
	// Moving back does not revive the old authorization.
	f.send("realm", f.abi.PackRequestRealmCA(root))
	f.send("root", f.abi.PackAcceptRealm(realm))
	require.Equal(t, statusRevokedByRealm, int(f.status(root, realm, common.Address{0xd1})))
}

// TestAdmissionPolicies checks open and permissioned admissions.
func TestAdmissionPolicies(t *testing.T) {
	f := newFixture(t, "root", "realm", "operator")
	realm, operator := f.acc["realm"].addr, f.acc["operator"].addr
	f.setupRealm(policyPermissioned)
	requireRevert(t, f.sendErr("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA)), "RealmRegistryAdmissionNotRequested")
	f.send("operator", f.abi.PackRequestAdmission(realm, capIntermediateCA|capConsumer))
	requireRevert(t, f.sendErr("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA|capProvider)), "RealmRegistryAdmissionNotRequested")
	f.send("root", f.abi.PackAdmitOperator(realm, operator, capIntermediateCA))
	ad := call(f, f.abi.PackGetAdmission(realm, operator), f.abi.UnpackGetAdmission)
	require.Equal(t, uint8(2), ad.Status)
	require.Equal(t, uint64(capIntermediateCA), ad.Capabilities)

	f.send("root", f.abi.PackSetPolicy(policyOpen))
	requireRevert(t, f.sendErr("root", f.abi.PackSetPolicy(policyOpen)), "TrustRegistryNoChange")
	other := newActor(t, chain.SimulatedChainID)
	// An unfunded operator can still self-admit under Open policy through a relayed call.
	inner := f.abi.PackRequestAdmission(realm, capIntermediateCA)
	f.relay(other, inner, big.NewInt(0))
	require.Equal(t, uint8(2), call(f, f.abi.PackGetAdmission(realm, other.addr), f.abi.UnpackGetAdmission).Status)
}

// relay signs inner as who (EIP712 computed in Go with apitypes, independent of the contract)
// and submits it through execute, paid by the deployer.
func (f *fixture) relay(who *actor, inner []byte, nonce *big.Int) {
	f.t.Helper()
	deadline := big.NewInt(time.Now().Add(time.Hour).Unix())
	sig := f.signRelayed(who, inner, nonce, deadline)
	f.send("deployer", f.abi.PackExecute(who.addr, inner, nonce, deadline, sig))
}

func (f *fixture) signRelayed(who *actor, inner []byte, nonce, deadline *big.Int) []byte {
	f.t.Helper()
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"RelayedCall":  {{Name: "actor", Type: "address"}, {Name: "data", Type: "bytes"}, {Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"}},
		},
		PrimaryType: "RelayedCall",
		Domain:      apitypes.TypedDataDomain{Name: "WAMP-E2EE TrustRegistry", Version: "1", ChainId: (*mathHex)(big.NewInt(chain.SimulatedChainID)), VerifyingContract: f.reg.Address().Hex()},
		Message:     apitypes.TypedDataMessage{"actor": who.addr.Hex(), "data": inner, "nonce": nonce.String(), "deadline": deadline.String()},
	}
	digest, _, err := apitypes.TypedDataAndHash(td)
	require.NoError(f.t, err)
	onChain := call(f, f.abi.PackRelayedCallDigest(who.addr, inner, nonce, deadline), f.abi.UnpackRelayedCallDigest)
	require.Equal(f.t, common.BytesToHash(digest), common.Hash(onChain), "Go and contract relayed-call digests")
	sig, err := crypto.Sign(digest, who.key)
	require.NoError(f.t, err)
	sig[64] += 27
	return sig
}

// TestRelayedCalls covers execute: nonces, replay, cancel, deadlines, bad signatures.
func TestRelayedCalls(t *testing.T) {
	f := newFixture(t, "root", "realm")
	realm := f.acc["realm"].addr
	f.setupRealm(policyPrivate)
	issuer := newActor(t, chain.SimulatedChainID) // unfunded: only signs
	from, until := window()
	inner := f.abi.PackAuthorize(realm, common.Address{0xd1}, from, until)

	f.relay(issuer, inner, big.NewInt(0))
	auth := call(f, f.abi.PackGetAuthorization(issuer.addr, realm, common.Address{0xd1}), f.abi.UnpackGetAuthorization)
	require.NotZero(t, auth.IssuedBlock, "relayed authorization is written under the signer")

	deadline := big.NewInt(time.Now().Add(time.Hour).Unix())
	sig := f.signRelayed(issuer, inner, big.NewInt(0), deadline)
	requireRevert(t, f.sendErr("deployer", f.abi.PackExecute(issuer.addr, inner, big.NewInt(0), deadline, sig)), "InvalidAccountNonce")

	// Cancel: a signed call over keyed nonce (key 7, seq 0) is voided by useNonce(7).
	keyed := new(big.Int).Lsh(big.NewInt(7), 64)
	sig = f.signRelayed(issuer, inner, keyed, deadline)
	f.relay(issuer, f.abi.PackUseNonce(big.NewInt(7)), big.NewInt(1))
	requireRevert(t, f.sendErr("deployer", f.abi.PackExecute(issuer.addr, inner, keyed, deadline, sig)), "InvalidAccountNonce")
	require.Equal(t, new(big.Int).Add(keyed, big.NewInt(1)), call(f, f.abi.PackNonces0(issuer.addr, big.NewInt(7)), f.abi.UnpackNonces0))

	past := big.NewInt(time.Now().Add(-time.Hour).Unix())
	sig = f.signRelayed(issuer, inner, big.NewInt(2), past)
	requireRevert(t, f.sendErr("deployer", f.abi.PackExecute(issuer.addr, inner, big.NewInt(2), past, sig)), "RelayedActorExpiredSignature")

	other := newActor(t, chain.SimulatedChainID)
	sig = f.signRelayed(other, inner, big.NewInt(2), deadline)
	requireRevert(t, f.sendErr("deployer", f.abi.PackExecute(issuer.addr, inner, big.NewInt(2), deadline, sig)), "RelayedActorInvalidSignature")

	exec := f.abi.PackExecute(issuer.addr, inner, big.NewInt(2), deadline, sig)
	sig = f.signRelayed(issuer, exec, big.NewInt(2), deadline)
	requireRevert(t, f.sendErr("deployer", f.abi.PackExecute(issuer.addr, exec, big.NewInt(2), deadline, sig)), "RelayedActorCallNotRelayable")
}

// TestSharedRootThreshold covers a 2-of-3 shared root: approvals, execution at the threshold,
// member rotation keeping the root's address, and lapsed approvals.
func TestSharedRootThreshold(t *testing.T) {
	f := newFixture(t, "m1", "m2", "m3", "m4", "realm")
	members := []common.Address{f.acc["m1"].addr, f.acc["m2"].addr, f.acc["m3"].addr}
	salt := [32]byte{42}
	f.send("m1", f.abi.PackRegisterSharedRoot(salt, members, 2, policyPrivate))
	root := call(f, f.abi.PackSharedRootAddress(f.acc["m1"].addr, salt), f.abi.UnpackSharedRootAddress)
	require.Equal(t, members, call(f, f.abi.PackMembersOf(root), f.abi.UnpackMembersOf))

	f.send("realm", f.abi.PackRequestRealmCA(root))
	action := f.abi.PackAcceptRealm(f.acc["realm"].addr)
	f.send("m1", f.abi.PackApproveRootAction(root, action))
	requireRevert(t, f.sendErr("m1", f.abi.PackApproveRootAction(root, action)), "TrustrootRegistryAlreadyApproved")
	requireRevert(t, f.sendErr("m4", f.abi.PackApproveRootAction(root, action)), "TrustrootRegistryNotMember")
	require.Equal(t, common.Address{}, call(f, f.abi.PackGetRealm(f.acc["realm"].addr), f.abi.UnpackGetRealm).Root, "1 of 2 approvals must not act")
	require.Equal(t, uint64(1), call(f, f.abi.PackApprovalsOf(root, action), f.abi.UnpackApprovalsOf).Uint64())
	f.send("m2", f.abi.PackApproveRootAction(root, action))
	require.Equal(t, root, call(f, f.abi.PackGetRealm(f.acc["realm"].addr), f.abi.UnpackGetRealm).Root)

	// A pending approval lapses when the member set changes; the root keeps its address.
	from, until := window()
	pending := f.abi.PackAuthorize(f.acc["realm"].addr, common.Address{0xd1}, from, until)
	f.send("m3", f.abi.PackApproveRootAction(root, pending))
	rotate := f.abi.PackSetMembers([]common.Address{f.acc["m2"].addr, f.acc["m3"].addr, f.acc["m4"].addr}, 2)
	f.send("m1", f.abi.PackApproveRootAction(root, rotate))
	f.send("m2", f.abi.PackApproveRootAction(root, rotate))
	require.True(t, call(f, f.abi.PackIsMember(root, f.acc["m4"].addr), f.abi.UnpackIsMember))
	require.False(t, call(f, f.abi.PackIsMember(root, f.acc["m1"].addr), f.abi.UnpackIsMember))
	require.Equal(t, uint64(0), call(f, f.abi.PackApprovalsOf(root, pending), f.abi.UnpackApprovalsOf).Uint64())
	requireRevert(t, f.sendErr("m1", f.abi.PackApproveRootAction(root, pending)), "TrustrootRegistryNotMember")
	f.send("m4", f.abi.PackApproveRootAction(root, pending))
	require.Equal(t, statusNotAuthorized, int(f.status(root, f.acc["realm"].addr, common.Address{0xd1})))
	f.send("m3", f.abi.PackApproveRootAction(root, pending))
	require.Equal(t, statusValid, int(f.status(root, f.acc["realm"].addr, common.Address{0xd1})))

	requireRevert(t, f.sendErr("m2", f.abi.PackSetMembers(members, 2)), "TrustrootRegistryNotSharedRoot")
	requireRevert(t, f.sendErr("m2", f.abi.PackRegisterSharedRoot([32]byte{1}, nil, 1, policyOpen)), "TrustrootRegistryInvalidMembers")
}

// TestCertificateRevocation covers revokeCertificate and its effect on verification.
func TestCertificateRevocation(t *testing.T) {
	f := newFixture(t, "delegate")
	d := f.acc["delegate"]
	cert := bindings.WmpCertificatesDelegateCertificate{
		ChainId: big.NewInt(chain.SimulatedChainID), VerifyingContract: f.reg.Address(), ValidFrom: big.NewInt(1),
		Delegate: d.addr, CsPubKey: common.Hash{0xc5}, BootedAt: uint64(time.Now().UnixNano()), Meta: "",
	}
	digest := call(f, f.abi.PackDelegateCertificateDigest(cert), f.abi.UnpackDelegateCertificateDigest)
	sig, err := crypto.Sign(digest[:], d.key)
	require.NoError(t, err)
	sig[64] += 27
	require.True(t, call(f, f.abi.PackVerifyDelegateCertificate(cert, sig), f.abi.UnpackVerifyDelegateCertificate))
	f.send("delegate", f.abi.PackRevokeCertificate(digest))
	require.NotZero(t, call(f, f.abi.PackCertificateRevokedAt(d.addr, digest), f.abi.UnpackCertificateRevokedAt).Uint64())
	require.False(t, call(f, f.abi.PackVerifyDelegateCertificate(cert, sig), f.abi.UnpackVerifyDelegateCertificate))
	requireRevert(t, f.sendErr("delegate", f.abi.PackRevokeCertificate(digest)), "DelegateRegistryCertificateAlreadyRevoked")
}
