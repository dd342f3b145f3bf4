package cert_test

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

// vectorsPath is the repository copy of the public certificate vectors.
const vectorsPath = "../../testdata/vectors/eip712-certificates.json"

type vectorCert struct {
	Name      string          `json:"name"`
	TypedData json.RawMessage `json:"typed_data_autobahn_form"`
	Signature string          `json:"signature_hex"`
	SignerIdx int             `json:"signer_key_index"`
	Signer    string          `json:"expected_signer_address"`
	EIP712    struct {
		TypeString      string `json:"typeString"`
		TypeHash        string `json:"typeHash"`
		DomainSeparator string `json:"domainSeparator"`
		StructHash      string `json:"structHash"`
		Digest          string `json:"digest"`
	} `json:"eip712"`
}

type vectorChain struct {
	Name              string   `json:"name"`
	Members           []string `json:"members"`
	Trustroot         string   `json:"trustroot"`
	Realm             string   `json:"realm"`
	ChainID           uint64   `json:"chainId"`
	VerifyingContract string   `json:"verifyingContract"`
	HelloPubkey       string   `json:"hello_authextra_pubkey"`
}

type vectors struct {
	Seedphrase string `json:"seedphrase"`
	Keys       []struct {
		Index   string `json:"index"`
		Type    string `json:"type"`
		Privkey string `json:"privkey"`
	} `json:"keys"`
	Constants struct {
		Domain struct {
			TypeHash        string `json:"EIP712Domain_typeHash"`
			DomainSeparator string `json:"domainSeparator"`
		} `json:"domain"`
		Delegate struct {
			Type     string `json:"type"`
			TypeHash string `json:"typeHash"`
		} `json:"EIP712DelegateCertificate"`
		Authority struct {
			Type     string `json:"type"`
			TypeHash string `json:"typeHash"`
		} `json:"EIP712AuthorityCertificate"`
	} `json:"constants"`
	Certificates []vectorCert  `json:"certificates"`
	Chains       []vectorChain `json:"chains"`
}

func loadVectors(t testing.TB) *vectors {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(vectorsPath))
	require.NoError(t, err)
	var v vectors
	require.NoError(t, json.Unmarshal(data, &v))
	require.NotEmpty(t, v.Certificates)
	return &v
}

func (v *vectors) cert(t testing.TB, name string) vectorCert {
	t.Helper()
	for _, c := range v.Certificates {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no vector certificate %q", name)
	return vectorCert{}
}

// pairJSON returns the vector certificate as a [typed_data, sig] tuple.
func (c vectorCert) pairJSON() []byte {
	return []byte(`[` + string(c.TypedData) + `,"` + c.Signature + `"]`)
}

// tripleJSON returns it as a [hash, typed_data, sig] tuple.
func (c vectorCert) tripleJSON() []byte {
	return []byte(`["` + c.EIP712.Digest + `",` + string(c.TypedData) + `,"` + c.Signature + `"]`)
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

// testKeys are the delegate keys 0…4 of the vectors' seedphrase.
var (
	testKeysOnce sync.Once
	testKeysVal  []*keys.DelegateKey
)

func testKeys(t testing.TB) []*keys.DelegateKey {
	t.Helper()
	testKeysOnce.Do(func() {
		v := loadVectors(t)
		seed, err := keys.SeedFromMnemonic(v.Seedphrase, "")
		require.NoError(t, err)
		for i := range uint32(5) {
			k, err := keys.DeriveDelegateKey(seed, i)
			require.NoError(t, err)
			testKeysVal = append(testKeysVal, k)
		}
	})
	require.Len(t, testKeysVal, 5)
	return testKeysVal
}

var (
	testRealm    = common.HexToAddress("0xA6e693CC4A2b4F1400391a728D26369D9b82ef96")
	testContract = common.HexToAddress("0xf766Dc789CF04CD18aE75af2c5fAf2DA6650Ff57")
	testCSKey    = [32]byte{1, 2, 3}
)

const testBlock = 1000

func testExpect() cert.Expect {
	return cert.Expect{ChainID: 1, VerifyingContract: testContract, Realm: testRealm, Block: testBlock}
}

// chainSpec describes a chain to build: the delegate key index, then for
// each authority certificate (A_1 … root) its issuer and subject key indices.
type authSpec struct {
	issuer, subject int
	caps            uint64
	validFrom       uint64
	realm           *common.Address
}

// buildChain signs a chain [delegate(delegateIdx), auths…] with the test keys.
func buildChain(t testing.TB, delegateIdx int, delegateValidFrom uint64, auths []authSpec) []cert.Certificate {
	t.Helper()
	ks := testKeys(t)
	d, err := cert.SignDelegate(ks[delegateIdx], cert.DelegateCertificate{
		ChainID: 1, VerifyingContract: testContract, ValidFrom: delegateValidFrom,
		Delegate: ks[delegateIdx].Address(), CSPubKey: testCSKey, BootedAt: 1657579546469365046, Meta: "delegate",
	})
	require.NoError(t, err)
	chain := []cert.Certificate{d}
	for _, a := range auths {
		realm := testRealm
		if a.realm != nil {
			realm = *a.realm
		}
		c, err := cert.SignAuthority(ks[a.issuer], cert.AuthorityCertificate{
			ChainID: 1, VerifyingContract: testContract, ValidFrom: a.validFrom,
			Issuer: ks[a.issuer].Address(), Subject: ks[a.subject].Address(), Realm: realm,
			Capabilities: a.caps, Meta: "",
		})
		require.NoError(t, err)
		chain = append(chain, c)
	}
	return chain
}

// goodChain3 is [delegate 1, intermediate 0→1, root 0].
func goodChain3(t testing.TB) []cert.Certificate {
	return buildChain(t, 1, 100, []authSpec{
		{issuer: 0, subject: 1, caps: cert.CapPublicRelay | cert.CapPrivateRelay, validFrom: 50},
		{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
	})
}

// goodChain5 is [delegate 1, A1 2→1, A2 3→2, A3 0→3, root 0].
func goodChain5(t testing.TB) []cert.Certificate {
	return buildChain(t, 1, 100, []authSpec{
		{issuer: 2, subject: 1, caps: cert.CapConsumer | cert.CapProvider, validFrom: 40},
		{issuer: 3, subject: 2, caps: cert.CapIntermediateCA | cert.CapConsumer | cert.CapProvider, validFrom: 30},
		{issuer: 0, subject: 3, caps: cert.CapIntermediateCA | cert.CapConsumer | cert.CapProvider | cert.CapGateway, validFrom: 20},
		{issuer: 0, subject: 0, caps: 0xff, validFrom: 10},
	})
}
