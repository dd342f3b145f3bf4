package cert

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTypeTables proves the decoder's type tables equal to the EIP712 type
// strings (whose hashes the vectors pin) and to the apitypes reference.
func TestTypeTables(t *testing.T) {
	typeString := func(name string, fs []eipField) string {
		parts := make([]string, len(fs))
		for i, f := range fs {
			parts[i] = f.typ + " " + f.name
		}
		return name + "(" + strings.Join(parts, ",") + ")"
	}
	require.Equal(t, DomainTypeString, typeString("EIP712Domain", domainFields))
	require.Equal(t, DelegateTypeString, typeString(DelegateCertificateType, delegateFields))
	require.Equal(t, AuthorityTypeString, typeString(AuthorityCertificateType, authorityFields))
	for _, k := range []Kind{KindDelegate, KindAuthority} {
		ref := typeFieldsOf(k)
		require.Len(t, fieldsOf(k), len(ref))
		order := delegateOrder
		if k == KindAuthority {
			order = authorityOrder
		}
		for i, f := range fieldsOf(k) {
			require.Equal(t, ref[i].Name, f.name)
			require.Equal(t, ref[i].Type, f.typ)
			require.Equal(t, f.name, order[i].String())
		}
	}
}

// seedFiles returns the committed seed corpus inputs of a fuzz target.
func seedFiles(t testing.TB, target string) [][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
	require.NoError(t, err)
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		// "go test fuzz v1\n[]byte(\"…\")\n"
		lines := strings.SplitN(string(data), "\n", 3)
		require.True(t, len(lines) >= 2 && strings.HasPrefix(lines[1], "[]byte("), p)
		s, err := unquoteGo(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
		require.NoError(t, err, p)
		out = append(out, []byte(s))
	}
	return out
}

// FuzzStrictNotLooserJSON: whatever the strict JSON decoder accepts, the
// previous encoding/json decoder accepted too, with the same result.
func FuzzStrictNotLooserJSON(f *testing.F) {
	for _, target := range []string{"FuzzParseCertificateJSON", "FuzzParseChainJSON"} {
		for _, s := range seedFiles(f, target) {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if c, err := ParseCertificateJSON(data); err == nil {
			old, oerr := legacyParseCertificateJSON(data)
			require.NoError(t, oerr, "strict decoder accepted what the old one rejected")
			require.Equal(t, old, c)
		}
		if ch, err := ParseChainJSON(data); err == nil {
			old, oerr := legacyParseChainJSON(data)
			require.NoError(t, oerr, "strict decoder accepted what the old one rejected")
			require.Equal(t, old, ch)
		}
	})
}

// FuzzStrictNotLooserCBOR: whatever the strict CBOR decoder accepts, the
// previous fxamacker/cbor decoder accepted too, with the same result.
func FuzzStrictNotLooserCBOR(f *testing.F) {
	for _, target := range []string{"FuzzParseCertificateCBOR", "FuzzParseChainCBOR"} {
		for _, s := range seedFiles(f, target) {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if c, err := ParseCertificateCBOR(data); err == nil {
			old, oerr := legacyParseCertificateCBOR(data)
			require.NoError(t, oerr, "strict decoder accepted what the old one rejected")
			require.Equal(t, old, c)
		}
		if ch, err := ParseChainCBOR(data); err == nil {
			old, oerr := legacyParseChainCBOR(data)
			require.NoError(t, oerr, "strict decoder accepted what the old one rejected")
			require.Equal(t, old, ch)
		}
	})
}

// unquoteGo undoes %q of a Go string literal.
func unquoteGo(s string) (string, error) { return strconv.Unquote(s) }
