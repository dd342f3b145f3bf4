// Package onchain sets up an on-chain trust domain — a chain (the embedded
// simulated one, or an endpoint such as an anvil node), the TrustRegistry, a
// root that is one realm's Realm-CA and an operator CA admitted under it —
// and E2EE nodes in it, each deciding trust with its own chain/verifier. The
// on-chain tests, the late-joiner benchmarks and 'e2ee-node bench' share it,
// so their figures mean the same thing (LateJoiner).
package onchain

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// Domain is the trust domain: the registry's actors and the chain they are
// on. Its fields are read-only after New.
type Domain struct {
	// Backend is the domain's connection to the chain.
	Backend *chain.Backend
	// URL is the endpoint ("" for the embedded simulated chain).
	URL string
	// Reg is the deployed TrustRegistry.
	Reg *chain.Registry
	// Root registered the root (Private policy) and admitted Operator in
	// the realm whose Realm-CA key is RealmKey.
	Root, RealmKey, Operator *chain.KeySigner
	// Realm is RealmKey's address; ChainID the chain's id.
	Realm   common.Address
	ChainID uint64

	block  atomic.Uint64 // latest block, refreshed after every write
	closer func()
}

// New deploys a fresh registry (a random salt, so that an endpoint can be
// used again) and the domain's root, realm and operator. url "" runs the
// embedded simulated chain in this process; otherwise it is a JSON-RPC
// endpoint of a development chain whose accounts include anvil's funded
// development accounts (anvil.DevKeys), which act as root, Realm-CA and
// operator. Close the domain when done.
func New(ctx context.Context, url string) (*Domain, error) {
	d := &Domain{URL: url}
	var rootKey *ecdsa.PrivateKey
	if url != "" {
		ks := make([]*ecdsa.PrivateKey, 3)
		for i := range ks {
			k, err := crypto.HexToECDSA(anvil.DevKeys[i])
			if err != nil {
				return nil, err
			}
			ks[i] = k
		}
		rootKey = ks[0]
		d.Root, d.RealmKey, d.Operator = chain.NewKeySigner(ks[0]), chain.NewKeySigner(ks[1]), chain.NewKeySigner(ks[2])
		b, err := chain.Connect(ctx, chain.BackendConfig{URL: url})
		if err != nil {
			return nil, err
		}
		d.Backend, d.closer = b, b.Close
	} else {
		ks := make([]*ecdsa.PrivateKey, 3)
		for i := range ks {
			k, err := chain.NewDevKey()
			if err != nil {
				return nil, err
			}
			ks[i] = k
		}
		rootKey = ks[0]
		d.Root, d.RealmKey, d.Operator = chain.NewKeySigner(ks[0]), chain.NewKeySigner(ks[1]), chain.NewKeySigner(ks[2])
		sim := chain.NewSimulatedChain(d.Root.Address(), d.RealmKey.Address(), d.Operator.Address())
		b, err := chain.Connect(ctx, chain.BackendConfig{Simulated: sim})
		if err != nil {
			_ = sim.Close()
			return nil, err
		}
		d.Backend, d.closer = b, func() { b.Close(); _ = sim.Close() }
	}
	if err := d.deploy(ctx, rootKey); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

func (d *Domain) deploy(ctx context.Context, rootKey *ecdsa.PrivateKey) error {
	d.Realm = d.RealmKey.Address()
	d.ChainID = d.Backend.ChainID().Uint64()
	var salt common.Hash
	if _, err := rand.Read(salt[:]); err != nil {
		return err
	}
	dep, err := chain.DeployRegistry(ctx, d.Backend.Client(), bind.NewKeyedTransactor(rootKey, d.Backend.ChainID()), salt, time.Minute)
	if err != nil {
		return fmt.Errorf("deploy registry: %w", err)
	}
	d.Reg = d.Backend.Registry(dep.Address)
	if _, err := d.Reg.RegisterRoot(ctx, d.Root, chain.PolicyPrivate); err != nil {
		return fmt.Errorf("register root: %w", err)
	}
	if _, err := d.Reg.SetRealmCA(ctx, d.RealmKey, d.Root); err != nil {
		return fmt.Errorf("set realm CA: %w", err)
	}
	if _, err := d.Reg.AdmitOperator(ctx, d.Root, d.Realm, d.Operator.Address(), cert.CapIntermediateCA|cert.CapProvider|cert.CapConsumer); err != nil {
		return fmt.Errorf("admit operator: %w", err)
	}
	return d.RefreshBlock(ctx)
}

// Close closes the domain's connection (and stops the simulated chain).
func (d *Domain) Close() {
	if d.closer != nil {
		d.closer()
	}
}

// RefreshBlock reads the chain's block number (Block returns it).
func (d *Domain) RefreshBlock(ctx context.Context) error {
	n, err := d.Backend.Client().BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("read block number: %w", err)
	}
	d.block.Store(n)
	return nil
}

// Block is the block number RefreshBlock last read (every write refreshes it).
func (d *Domain) Block() uint64 { return d.block.Load() }

// Delegate authorizes a fresh delegate on-chain (valid from a minute ago,
// no end) and returns its identity: a lone delegate certificate, issued for
// the block of the authorization, with the operator as issuer hint.
func (d *Domain) Delegate(ctx context.Context) (keydist.Identity, error) {
	del, err := keys.GenerateDelegateKey()
	if err != nil {
		return keydist.Identity{}, err
	}
	sk, err := keys.GenerateSessionKey()
	if err != nil {
		return keydist.Identity{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := d.Reg.Authorize(ctx, d.Operator, d.Realm, del.Address(), time.Now().Add(-time.Minute), time.Time{}); err != nil {
		return keydist.Identity{}, fmt.Errorf("authorize delegate: %w", err)
	}
	if err := d.RefreshBlock(ctx); err != nil {
		return keydist.Identity{}, err
	}
	dc, err := cert.SignDelegate(del, cert.DelegateCertificate{ChainID: d.ChainID, VerifyingContract: d.Reg.Address(),
		ValidFrom: d.Block(), Delegate: del.Address(), CSPubKey: sk.PublicKey32(), BootedAt: uint64(time.Now().UnixNano())})
	if err != nil {
		return keydist.Identity{}, err
	}
	return keydist.Identity{Delegate: del, Session: sk, Chain: []cert.Certificate{dc}, Issuer: d.Operator.Address()}, nil
}

// NewVerifier starts an on-chain verifier of the domain that reports
// revocations to onRevocation. On an endpoint it has a connection of its
// own, as a separate process would. close stops it and closes that
// connection.
func (d *Domain) NewVerifier(ctx context.Context, onRevocation func(verifier.Revocation)) (v *verifier.Verifier, close func(), err error) {
	backend, closeBackend := d.Backend, func() {}
	if d.URL != "" {
		if backend, err = chain.Connect(ctx, chain.BackendConfig{URL: d.URL}); err != nil {
			return nil, nil, err
		}
		closeBackend = backend.Close
	}
	v, err = verifier.New(ctx, backend, verifier.Config{
		Registry:     d.Reg.Address(),
		Trustroots:   map[common.Address]common.Address{d.Realm: d.Root.Address()},
		OnRevocation: onRevocation,
	})
	if err != nil {
		closeBackend()
		return nil, nil, err
	}
	return v, func() { v.Close(); closeBackend() }, nil
}

// Policy is the key-distribution policy of a node of the domain whose trust
// is v.
func (d *Domain) Policy(v *verifier.Verifier) keydist.Policy {
	block, latest := v.Blocks()
	return keydist.Policy{ChainID: d.ChainID, Registry: d.Reg.Address(), Realm: d.Realm, Trust: v, Block: block, LatestBlock: latest}
}

// errNoEvent: a late joiner's first event did not arrive in time.
var errNoEvent = errors.New("no event within the fetch timeout")
