package cert_test

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
)

// TestWriteFuzzCorpus regenerates the committed seed corpora in
// testdata/fuzz from the vectors and test chains. It runs only with
// E2EE_WRITE_CORPUS=1.
func TestWriteFuzzCorpus(t *testing.T) {
	if os.Getenv("E2EE_WRITE_CORPUS") != "1" {
		t.Skip("set E2EE_WRITE_CORPUS=1 to regenerate testdata/fuzz")
	}
	write := func(target string, data []byte) {
		dir := filepath.Join("testdata", "fuzz", target)
		require.NoError(t, os.MkdirAll(dir, 0o755))
		name := fmt.Sprintf("seed-%x", sha256.Sum256(data))[:21]
		body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	for _, vc := range loadVectors(t).Certificates {
		write("FuzzParseCertificateJSON", vc.pairJSON())
		write("FuzzParseCertificateJSON", vc.tripleJSON())
		c, err := cert.ParseCertificateJSON(vc.pairJSON())
		require.NoError(t, err)
		raw, err := cert.MarshalCertificateCBOR(c)
		require.NoError(t, err)
		write("FuzzParseCertificateCBOR", raw)
	}
	for _, chain := range seedChains(t) {
		for _, f := range []cert.Form{cert.FormPair, cert.FormTriple} {
			raw, err := cert.MarshalChainJSON(chain, f)
			require.NoError(t, err)
			write("FuzzParseChainJSON", raw)
		}
		raw, err := cert.MarshalChainCBOR(chain)
		require.NoError(t, err)
		write("FuzzParseChainCBOR", raw)
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzDigestMatchesAPITypes")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	body := "go test fuzz v1\nuint64(1)\nuint64(15212703)\nuint64(1658765756680628959)\nuint64(63)\n[]byte(\"0123456789abcdef0123\")\n[]byte(\"fedcba9876543210fedcba9876543210\")\nstring(\"Qme7ss3ARVgxv6rXqVPiikMJ8u2NLgmgszg13pYrDKEoiu\")\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "seed-vector-like"), []byte(body), 0o644))
}
