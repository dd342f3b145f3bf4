// Package gasreport measures the gas of every registry operation on a fresh
// simulated chain: the figures behind docs/benchmarks.md, scripts/gasreport
// and `e2ee-node bench gas`.
package gasreport

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/chain"
)

// Figure is the gas one registry operation took.
type Figure struct {
	// Op names the operation, e.g. "authorize_first".
	Op string `json:"op"`
	// Gas used.
	Gas uint64 `json:"gas"`
	// Kind is "tx" (full-transaction gasUsed) or "execution" (a view's execution gas, cold storage).
	Kind string `json:"kind"`
}

type gasAccount struct {
	key  *ecdsa.PrivateKey
	addr common.Address
	opts *bind.TransactOpts
}

func newGasAccount() (*gasAccount, error) {
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return &gasAccount{key: k, addr: crypto.PubkeyToAddress(k.PublicKey), opts: bind.NewKeyedTransactor(k, big.NewInt(chain.SimulatedChainID))}, nil
}

// Measure deploys the registry on a fresh simulated chain, performs each registry
// operation once and returns its gas: full-transaction gasUsed from receipts ("tx": intrinsic gas
// and calldata included, what a user or relayer pays) or, for views, execution gas with cold
// storage ("execution": eth_estimateGas minus 21,000 minus calldata, what a calling contract pays).
func Measure(ctx context.Context) ([]Figure, error) {
	names := []string{"deployer", "root", "realm", "operator", "relayer", "m1", "m2", "m3", "relayedIssuer"}
	acc := map[string]*gasAccount{}
	var funded []common.Address
	for _, n := range names {
		a, err := newGasAccount()
		if err != nil {
			return nil, fmt.Errorf("gas report: %w", err)
		}
		acc[n] = a
		funded = append(funded, a.addr)
	}
	sim := chain.NewSimulatedChain(funded...)
	defer sim.Close()
	client := sim.Client()
	var figures []Figure
	emit := func(op, kind string, gas uint64) { figures = append(figures, Figure{Op: op, Gas: gas, Kind: kind}) }

	dep, err := chain.DeployRegistry(ctx, client, acc["deployer"].opts, chain.DefaultRegistrySalt, time.Minute)
	if err != nil {
		return nil, err
	}
	emit("deploy_create2", "tx", dep.Receipt.GasUsed)
	reg := chain.NewRegistry(client, dep.Address)
	abi := reg.ABI
	tx := func(op string, who *gasAccount, data []byte) error {
		r, err := reg.Transact(ctx, who.opts, data)
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		if op != "" {
			emit(op, "tx", r.GasUsed)
		}
		return nil
	}
	root, realm, operator := acc["root"], acc["realm"], acc["operator"]
	const private, permissioned = 2, 1
	if err := tx("register_standalone_root", root, abi.PackRegisterRoot(private)); err != nil {
		return nil, err
	}
	members := []common.Address{acc["m1"].addr, acc["m2"].addr, acc["m3"].addr}
	if err := tx("register_shared_root_2_of_3", acc["m1"], abi.PackRegisterSharedRoot([32]byte{1}, members, 2, permissioned)); err != nil {
		return nil, err
	}
	if err := tx("realm_request_ca", realm, abi.PackRequestRealmCA(root.addr)); err != nil {
		return nil, err
	}
	if err := tx("realm_accept_ca", root, abi.PackAcceptRealm(realm.addr)); err != nil {
		return nil, err
	}
	const intermediateCA = 1 << 1
	if err := tx("admit_operator", root, abi.PackAdmitOperator(realm.addr, operator.addr, intermediateCA|1<<6|1<<7)); err != nil {
		return nil, err
	}
	// Delegates are fresh random addresses: calldata costs 16 gas per non-zero byte, so
	// mostly-zero addresses would understate what real users pay.
	var ds [3]common.Address
	for i := range ds {
		k, err := crypto.GenerateKey()
		if err != nil {
			return nil, fmt.Errorf("gas report: %w", err)
		}
		ds[i] = crypto.PubkeyToAddress(k.PublicKey)
	}
	d1, d2, d3 := ds[0], ds[1], ds[2]
	now := big.NewInt(time.Now().Unix() - 60)
	year := new(big.Int).Add(now, big.NewInt(365*24*3600))
	if err := tx("authorize_first", root, abi.PackAuthorize(realm.addr, d1, now, year)); err != nil {
		return nil, err
	}
	if err := tx("authorize_another", root, abi.PackAuthorize(realm.addr, d2, now, year)); err != nil {
		return nil, err
	}
	if err := tx("authorize_by_operator", operator, abi.PackAuthorize(realm.addr, d3, now, year)); err != nil {
		return nil, err
	}

	// Relayed authorize: a fresh issuer (first nonce) signs, the relayer pays.
	issuer := acc["relayedIssuer"]
	inner := abi.PackAuthorize(realm.addr, d1, now, year)
	deadline := big.NewInt(time.Now().Add(time.Hour).Unix())
	digestOut, err := reg.Call(ctx, abi.PackRelayedCallDigest(issuer.addr, inner, big.NewInt(0), deadline))
	if err != nil {
		return nil, err
	}
	digest, err := abi.UnpackRelayedCallDigest(digestOut)
	if err != nil {
		return nil, err
	}
	sig, err := crypto.Sign(digest[:], issuer.key)
	if err != nil {
		return nil, err
	}
	sig[64] += 27
	if err := tx("authorize_relayed", acc["relayer"], abi.PackExecute(issuer.addr, inner, big.NewInt(0), deadline, sig)); err != nil {
		return nil, err
	}

	// Attestation: a fresh delegate authorized with an AK (compare with authorize_another),
	// the realm's policy, and a measurement allowed and revoked (random digests).
	k, err := crypto.GenerateKey()
	if err != nil {
		return nil, fmt.Errorf("gas report: %w", err)
	}
	d4 := crypto.PubkeyToAddress(k.PublicKey)
	ak := crypto.Keccak256Hash(d4[:], []byte("attestation key"))
	if err := tx("authorize_with_attestation_key", root, abi.PackAuthorizeWithAttestationKey(realm.addr, d4, now, year, ak)); err != nil {
		return nil, err
	}
	if err := tx("set_attestation_policy", root, abi.PackSetAttestationPolicy(realm.addr, true, 24*3600, 0b1001_0111)); err != nil {
		return nil, err
	}
	measurement := crypto.Keccak256Hash(d4[:], []byte("measurement"))
	if err := tx("allow_measurement", root, abi.PackSetMeasurement(realm.addr, measurement, true)); err != nil {
		return nil, err
	}
	if err := tx("revoke_measurement", root, abi.PackSetMeasurement(realm.addr, measurement, false)); err != nil {
		return nil, err
	}
	g, err := reg.EstimateExecutionGas(ctx, acc["relayer"].addr, abi.PackAttestationStatus(root.addr, realm.addr, d4, measurement))
	if err != nil {
		return nil, fmt.Errorf("attestation_status: %w", err)
	}
	emit("attestation_status", "execution", g)

	for _, c := range []struct {
		op                      string
		issuer, realm, delegate common.Address
	}{
		{"is_authorized_root_issued", root.addr, realm.addr, d1},
		{"is_authorized_operator_issued", operator.addr, realm.addr, d3},
	} {
		g, err := reg.EstimateExecutionGas(ctx, acc["relayer"].addr, abi.PackIsAuthorized(c.issuer, c.realm, c.delegate))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.op, err)
		}
		emit(c.op, "execution", g)
	}
	ok, err := reg.Call(ctx, abi.PackIsAuthorized(root.addr, realm.addr, d1))
	if err != nil {
		return nil, err
	}
	if v, err := abi.UnpackIsAuthorized(ok); err != nil || !v {
		return nil, fmt.Errorf("sanity: root-issued authorization not valid (%v)", err)
	}

	if err := tx("revoke", root, abi.PackRevoke(realm.addr, d2)); err != nil {
		return nil, err
	}
	if err := tx("revoke_all_operator", operator, abi.PackRevokeAllDelegates(realm.addr)); err != nil {
		return nil, err
	}
	if err := tx("revoke_certificate_digest", root, abi.PackRevokeCertificate(crypto.Keccak256Hash([]byte("some certificate")))); err != nil {
		return nil, err
	}
	if err := tx("revoke_all_root_epoch_bump", root, abi.PackBumpEpoch()); err != nil {
		return nil, err
	}
	return figures, nil
}
