package keys_test

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"filippo.io/edwards25519"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/curve25519"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
)

const vectorsPath = "../../testdata/vectors/eip712-certificates.json"

type keyVectors struct {
	Seedphrase string `json:"seedphrase"`
	Keys       []struct {
		Index   string `json:"index"`
		Type    string `json:"type"`
		Address string `json:"address"`
		Privkey string `json:"privkey"`
		Seed    string `json:"privkey_seed"`
		Pubkey  string `json:"pubkey"`
	} `json:"keys"`
}

func loadKeyVectors(t testing.TB) keyVectors {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(vectorsPath))
	require.NoError(t, err)
	var v keyVectors
	require.NoError(t, json.Unmarshal(data, &v))
	require.Len(t, v.Keys, 10)
	return v
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

func TestDerivationVectors(t *testing.T) {
	v := loadKeyVectors(t)
	seed, err := keys.SeedFromMnemonic(v.Seedphrase, "")
	require.NoError(t, err)
	for _, k := range v.Keys {
		idx, err := strconv.ParseUint(k.Index, 10, 32)
		require.NoError(t, err)
		switch k.Type {
		case "ethereum":
			dk, err := keys.DeriveDelegateKey(seed, uint32(idx))
			require.NoError(t, err)
			assert.Equal(t, k.Privkey, hex.EncodeToString(dk.Bytes()), "key %d", idx)
			assert.Equal(t, k.Address, dk.Address().Hex(), "key %d", idx)
		case "cryptosign-ed25519":
			sk, err := keys.DeriveSessionKey(seed, uint32(idx))
			require.NoError(t, err)
			assert.Equal(t, k.Seed, hex.EncodeToString(sk.Seed()), "key %d", idx)
			assert.Equal(t, k.Pubkey, hex.EncodeToString(sk.Public()), "key %d", idx)
		default:
			t.Fatalf("unknown key type %q", k.Type)
		}
	}
}

func TestMnemonicErrors(t *testing.T) {
	bad := "avocado style uncover thrive same grace crunch want essay reduce current avocado"
	_, err := keys.SeedFromMnemonic(bad, "")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "avocado")
	m, err := keys.NewMnemonic()
	require.NoError(t, err)
	_, err = keys.SeedFromMnemonic(m, "pass")
	require.NoError(t, err)
	_, err = keys.DeriveDelegateKey(make([]byte, 64), 1<<31)
	require.Error(t, err)
}

func TestSignDigestV(t *testing.T) {
	k, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	for i := range 16 {
		sig, err := k.SignDigest(common.Hash{byte(i)})
		require.NoError(t, err)
		require.Len(t, sig, 65)
		assert.Contains(t, []byte{27, 28}, sig[64])
	}
}

// libsodium test/default/ed25519_convert.c known answer.
func TestX25519LibsodiumVector(t *testing.T) {
	sk, err := keys.SessionKeyFromSeed(mustHex(t, "421151a459faeade3d247115f94aedae42318124095afabe4d1451a559faedee"))
	require.NoError(t, err)
	assert.Equal(t, "b5076a8474a832daee4dd5b4040983b6623b5f344aca57d4d6ee4baf3f259e6e", hex.EncodeToString(sk.Public()))
	xpub := sk.X25519PublicKey()
	assert.Equal(t, "f1814f0e8ff1043d8a44d25babff3cedcae6c22c3edaa48f857ae70de2baae50", hex.EncodeToString(xpub[:]))
	xpriv := sk.X25519PrivateKey()
	assert.Equal(t, "8052030376d47112be7f73ed7a019293dd12ad910b654455798b4667d73de166", hex.EncodeToString(xpriv[:]))
}

func TestX25519Consistency(t *testing.T) {
	a, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	b, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	for _, k := range []*keys.SessionKey{a, b} {
		priv := k.X25519PrivateKey()
		pub, err := curve25519.X25519(priv[:], curve25519.Basepoint)
		require.NoError(t, err)
		assert.Equal(t, k.X25519PublicKey(), [32]byte(pub))
		conv, err := keys.Ed25519PublicToX25519(k.Public())
		require.NoError(t, err)
		assert.Equal(t, k.X25519PublicKey(), conv)
	}
	ab, err := a.SharedKey(b.X25519PublicKey())
	require.NoError(t, err)
	ba, err := b.SharedKey(a.X25519PublicKey())
	require.NoError(t, err)
	assert.Equal(t, ab, ba)
}

// Points of order 1, 2, 4 and 8 on Curve25519 (u-coordinates) and Edwards25519.
var (
	lowOrderX25519 = []string{
		"0000000000000000000000000000000000000000000000000000000000000000",
		"0100000000000000000000000000000000000000000000000000000000000000",
		"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
		"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
		"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
		"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
		"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	}
	lowOrderEd25519 = []string{
		"0100000000000000000000000000000000000000000000000000000000000000", // identity
		"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2
		"0000000000000000000000000000000000000000000000000000000000000000", // order 4
		"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
		"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
	}
)

func TestLowOrderRejected(t *testing.T) {
	for _, h := range lowOrderX25519 {
		err := keys.CheckX25519Public([32]byte(mustHex(t, h)))
		assert.ErrorIs(t, err, keys.ErrLowOrder, h)
		k, err := keys.GenerateSessionKey()
		require.NoError(t, err)
		_, err = k.SharedKey([32]byte(mustHex(t, h)))
		assert.ErrorIs(t, err, keys.ErrLowOrder, h)
	}
	for _, h := range lowOrderEd25519 {
		_, err := keys.Ed25519PublicToX25519(mustHex(t, h))
		assert.ErrorIs(t, err, keys.ErrInvalidPublicKey, h)
	}
	k, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	require.NoError(t, keys.CheckX25519Public(k.X25519PublicKey()))

	// A mixed-order point (prime-order point + order-8 point) is rejected.
	p, err := new(edwards25519.Point).SetBytes(k.Public())
	require.NoError(t, err)
	torsion, err := new(edwards25519.Point).SetBytes(mustHex(t, lowOrderEd25519[3]))
	require.NoError(t, err)
	mixed := new(edwards25519.Point).Add(p, torsion).Bytes()
	_, err = keys.Ed25519PublicToX25519(mixed)
	assert.ErrorIs(t, err, keys.ErrInvalidPublicKey)

	// Non-canonical encoding of a valid point (y + p) and wrong sizes.
	_, err = keys.Ed25519PublicToX25519(mustHex(t, "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"))
	assert.ErrorIs(t, err, keys.ErrInvalidPublicKey)
	_, err = keys.Ed25519PublicToX25519(make([]byte, 31))
	assert.ErrorIs(t, err, keys.ErrInvalidPublicKey)
}

func TestRedaction(t *testing.T) {
	dk, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	secrets := []string{hex.EncodeToString(dk.Bytes()), hex.EncodeToString(sk.Seed())}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%x", "%X", "%q"} {
		for _, v := range []any{dk, sk, *dk, *sk} {
			out := fmt.Sprintf(verb, v)
			for _, s := range secrets {
				assert.NotContains(t, out, s, verb)
				assert.NotContains(t, out, s[:16], verb)
			}
		}
	}
	assert.Contains(t, dk.String(), dk.Address().Hex())
}

func TestKeystoreRoundTrip(t *testing.T) {
	dir := t.TempDir()
	dk, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)

	dpath, spath := filepath.Join(dir, "delegate.json"), filepath.Join(dir, "session.json")
	require.NoError(t, keys.SaveDelegateKey(dpath, dk, "pw", keys.LightScryptN, keys.LightScryptP))
	require.NoError(t, keys.SaveSessionKey(spath, sk, "pw", keys.LightScryptN, keys.LightScryptP))
	for _, p := range []string{dpath, spath} {
		st, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	}

	dk2, err := keys.LoadDelegateKey(dpath, "pw")
	require.NoError(t, err)
	assert.Equal(t, dk.Bytes(), dk2.Bytes())
	sk2, err := keys.LoadSessionKey(spath, "pw")
	require.NoError(t, err)
	assert.Equal(t, sk.Seed(), sk2.Seed())

	_, err = keys.LoadDelegateKey(dpath, "wrong")
	require.Error(t, err)
	_, err = keys.LoadSessionKey(spath, "wrong")
	require.Error(t, err)
	_, err = keys.LoadSessionKey(dpath, "pw")
	require.Error(t, err, "a delegate keystore is not a session keystore")

	assert.ErrorIs(t, keys.SaveDelegateKey(dpath, dk, "pw", keys.LightScryptN, keys.LightScryptP), keys.ErrKeyExists)
	require.NoError(t, os.Chmod(spath, 0o644))
	_, err = keys.LoadSessionKey(spath, "pw")
	assert.ErrorContains(t, err, "readable by others")
}

// Crafted keystores are refused before any KDF work, with an error, never a
// panic: go-ethereum panics on dklen 0 ("keyLength must be larger than 0"),
// a short IV ("bad IV length") or a missing salt, and spends 16 s on dklen
// 1e8.
func TestKeystoreRejectsCraftedParameters(t *testing.T) {
	sk, err := keys.GenerateSessionKey()
	require.NoError(t, err)
	sessionDoc, err := keys.EncryptSessionKey(sk, "pw", keys.LightScryptN, keys.LightScryptP)
	require.NoError(t, err)
	dk, err := keys.GenerateDelegateKey()
	require.NoError(t, err)
	delegateDoc, err := keys.EncryptDelegateKey(dk, "pw", keys.LightScryptN, keys.LightScryptP)
	require.NoError(t, err)
	pbkdf2 := map[string]any{"c": float64(262144), "dklen": float64(32), "prf": "hmac-sha256", "salt": "00112233"}

	tests := map[string]func(c map[string]any){
		"dklen 0":             func(c map[string]any) { kdf(c)["dklen"] = float64(0) },
		"dklen 16":            func(c map[string]any) { kdf(c)["dklen"] = float64(16) },
		"dklen 1e8":           func(c map[string]any) { kdf(c)["dklen"] = float64(1e8) },
		"dklen missing":       func(c map[string]any) { delete(kdf(c), "dklen") },
		"short iv":            func(c map[string]any) { c["cipherparams"] = map[string]any{"iv": "0011"} },
		"iv not hex":          func(c map[string]any) { c["cipherparams"] = map[string]any{"iv": "zz"} },
		"salt missing":        func(c map[string]any) { delete(kdf(c), "salt") },
		"salt a number":       func(c map[string]any) { kdf(c)["salt"] = float64(3) },
		"salt empty":          func(c map[string]any) { kdf(c)["salt"] = "" },
		"n huge":              func(c map[string]any) { kdf(c)["n"] = float64(1 << 30) },
		"n not power of two":  func(c map[string]any) { kdf(c)["n"] = float64(3000) },
		"n fractional":        func(c map[string]any) { kdf(c)["n"] = 4096.5 },
		"n a string":          func(c map[string]any) { kdf(c)["n"] = "4096" },
		"r zero":              func(c map[string]any) { kdf(c)["r"] = float64(0) },
		"memory over 512 MiB": func(c map[string]any) { kdf(c)["n"], kdf(c)["r"] = float64(1<<20), float64(8) },
		"work over the bound": func(c map[string]any) {
			kdf(c)["n"], kdf(c)["r"], kdf(c)["p"] = float64(1<<20), float64(8), float64(16)
		},
		"p huge":             func(c map[string]any) { kdf(c)["p"] = float64(1 << 20) },
		"pbkdf2 c huge":      func(c map[string]any) { c["kdf"], c["kdfparams"] = "pbkdf2", with(pbkdf2, "c", float64(1<<30)) },
		"pbkdf2 c zero":      func(c map[string]any) { c["kdf"], c["kdfparams"] = "pbkdf2", with(pbkdf2, "c", float64(0)) },
		"pbkdf2 prf missing": func(c map[string]any) { c["kdf"], c["kdfparams"] = "pbkdf2", with(pbkdf2, "prf", nil) },
		"unknown kdf":        func(c map[string]any) { c["kdf"] = "argon2" },
		"other cipher":       func(c map[string]any) { c["cipher"] = "aes-256-gcm" },
		"short mac":          func(c map[string]any) { c["mac"] = "00" },
		"long ciphertext":    func(c map[string]any) { c["ciphertext"] = strings.Repeat("00", 1<<10) },
	}
	for name, mutate := range tests {
		for kind, doc := range map[string][]byte{"session": sessionDoc, "delegate": delegateDoc} {
			t.Run(kind+"/"+name, func(t *testing.T) {
				var m map[string]any
				require.NoError(t, json.Unmarshal(doc, &m))
				mutate(m["crypto"].(map[string]any))
				data, err := json.Marshal(m)
				require.NoError(t, err)
				start := time.Now()
				if kind == "session" {
					_, err = keys.DecryptSessionKey(data, "pw")
				} else {
					_, err = keys.DecryptDelegateKey(data, "pw")
				}
				assert.ErrorIs(t, err, keys.ErrBadKeystore)
				assert.Less(t, time.Since(start), time.Second)
			})
		}
	}

	// Delegate keystores must be version 3 (version 1 has another layout).
	var m map[string]any
	require.NoError(t, json.Unmarshal(delegateDoc, &m))
	m["version"] = float64(1)
	data, err := json.Marshal(m)
	require.NoError(t, err)
	_, err = keys.DecryptDelegateKey(data, "pw")
	assert.ErrorIs(t, err, keys.ErrBadKeystore, "only version 3 delegate keystores")
}

func kdf(c map[string]any) map[string]any { return c["kdfparams"].(map[string]any) }

func with(m map[string]any, k string, v any) map[string]any {
	out := maps.Clone(m)
	if v == nil {
		delete(out, k)
	} else {
		out[k] = v
	}
	return out
}

// Keystore files that are not regular files, or too large, are refused
// without being read whole (a FIFO would block forever).
func TestKeystoreFileKinds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	big := filepath.Join(dir, "big.json")
	require.NoError(t, os.WriteFile(big, make([]byte, keys.MaxKeystoreSize+1), 0o600))
	for _, p := range []string{fifo, big, dir, "/dev/zero"} {
		_, err := keys.LoadDelegateKey(p, "pw")
		assert.Error(t, err, p)
		_, err = keys.LoadSessionKey(p, "pw")
		assert.Error(t, err, p)
	}
}
