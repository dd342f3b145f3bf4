package cert_test

import (
	"bytes"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// A trustroot certifies itself as the Realm-CA of a realm and certifies a
// delegate; the delegate binds its client-session key. A verifier checks the
// chain [delegate, root → delegate, root] and learns the trustroot, realm
// and capabilities.
func Example_chain() {
	root, _ := keys.DelegateKeyFromBytes(bytes.Repeat([]byte{1}, 32))
	delegate, _ := keys.DelegateKeyFromBytes(bytes.Repeat([]byte{2}, 32))
	realm := common.Address{0xaa}
	registry := common.Address{0xbb}
	authority := func(subject common.Address, caps uint64) cert.Certificate {
		c, err := cert.SignAuthority(root, cert.AuthorityCertificate{ChainID: 1, VerifyingContract: registry, ValidFrom: 1,
			Issuer: root.Address(), Subject: subject, Realm: realm, Capabilities: caps})
		if err != nil {
			panic(err)
		}
		return c
	}
	d, err := cert.SignDelegate(delegate, cert.DelegateCertificate{ChainID: 1, VerifyingContract: registry, ValidFrom: 2,
		Delegate: delegate.Address(), CSPubKey: [32]byte{7}})
	if err != nil {
		panic(err)
	}
	chain := []cert.Certificate{d, authority(delegate.Address(), cert.CapProvider), authority(root.Address(), cert.CapRootCA|cert.CapProvider)}

	vc, err := cert.Verify(chain, cert.Expect{ChainID: 1, VerifyingContract: registry, Realm: realm, Block: 10})
	if err != nil {
		panic(err)
	}
	tr, _ := vc.Trustroot()
	caps, _ := vc.Capabilities()
	fmt.Println(vc.Len(), tr == root.Address(), vc.DelegateAddress() == delegate.Address(), caps == cert.CapProvider)

	// Another realm's verifier refuses the chain.
	_, err = cert.Verify(chain, cert.Expect{ChainID: 1, VerifyingContract: registry, Realm: common.Address{0xcc}, Block: 10})
	fmt.Println(err != nil)
	// Output:
	// 3 true true true
	// true
}
