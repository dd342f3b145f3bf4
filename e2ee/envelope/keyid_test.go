package envelope

import (
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/nacl/secretbox"
)

func TestParseKeyID(t *testing.T) {
	good := "0123456789abcdef.00112233445566778899aabbccddeeff"
	id, err := ParseKeyID(good)
	require.NoError(t, err)
	assert.Equal(t, good, id.String())
	assert.Equal(t, Locator{0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef}, id.Locator)
	assert.Equal(t, "e2ee.key.0123456789abcdef", id.KeyRPCURI(""))
	assert.Equal(t, "com.acme.keys.0123456789abcdef", id.KeyRPCURI("com.acme.keys"))

	bad := []string{
		"",
		strings.ToUpper(good),
		"0123456789ABCDEF.00112233445566778899aabbccddeeff",
		"0123456789abcdef-00112233445566778899aabbccddeeff",
		"0123456789abcdef.00112233445566778899aabbccddeef",
		"0123456789abcdef.00112233445566778899aabbccddeeff0",
		"0123456789abcde.f00112233445566778899aabbccddeeff",
		"0123456789abcdeg.00112233445566778899aabbccddeeff",
		"0123456789abcdef.00112233445566778899aabbccddee\xff\xff",
		"0123456789abcdef.00112233445566778899aabbccddee f",
		"0x13578281196c1dD73d9AE5e313f3fB6b8954Bf55",
		"GTtQ37XGJO2O4R8Dvx4AUo8pe61D9evIWpKGQAPdOh0=",
		" 123456789abcdef.00112233445566778899aabbccddeeff",
		"0123456789abcdef.00112233445566778899aabbccddee/f",
		"0123456789abcdef.00112233445566778899aabbccddee:f",
		"0123456789abcdef.00112233445566778899aabbccddee`f",
		"0123456789abcdef.00112233445566778899aabbccddee@f",
	}
	for _, s := range bad {
		_, err := ParseKeyID(s)
		assert.ErrorIs(t, err, ErrMalformed, "%q", s)
		assert.False(t, ValidKeyID(s), "%q", s)
	}
}

func TestNewKeyIDRandom(t *testing.T) {
	l, err := NewLocator()
	require.NoError(t, err)
	a, err := NewKeyID(l)
	require.NoError(t, err)
	b, err := NewKeyID(l)
	require.NoError(t, err)
	assert.NotEqual(t, a, b)
	assert.Equal(t, a.Locator, b.Locator)
	assert.True(t, ValidKeyID(a.String()))
	assert.Equal(t, l.KeyRPCURI(""), a.KeyRPCURI(""))
}

// TestNaClVectors checks x/crypto secretbox against the known answers in the
// repository's testdata and the PyNaCl wire layout nonce ‖ tag ‖ ciphertext
// that payloads use.
func TestNaClVectors(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/vectors/nacl-and-ppt-wire.json")
	require.NoError(t, err)
	var v struct {
		NaCl struct {
			SecretBox struct {
				Key     string `json:"key_hex"`
				Nonce   string `json:"nonce_hex"`
				Message string `json:"message_hex"`
				Sealed  string `json:"sealed_hex"`
				Wire    string `json:"pynacl_wire_hex"`
			} `json:"secretbox"`
		} `json:"nacl"`
	}
	require.NoError(t, json.Unmarshal(raw, &v))
	sb := v.NaCl.SecretBox
	var key [KeySize]byte
	var nonce [NonceSize]byte
	copy(key[:], mustHex(t, sb.Key))
	copy(nonce[:], mustHex(t, sb.Nonce))
	msg := mustHex(t, sb.Message)

	sealed := secretbox.Seal(nil, msg, &nonce, &key)
	assert.Equal(t, sb.Sealed, hex.EncodeToString(sealed))
	wire := secretbox.Seal(append([]byte(nil), nonce[:]...), msg, &nonce, &key)
	assert.Equal(t, sb.Wire, hex.EncodeToString(wire))
	assert.Len(t, wire, len(msg)+Overhead)

	got, ok := openRaw(mustHex(t, sb.Wire), &key)
	require.True(t, ok)
	assert.Equal(t, msg, got)
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	return b
}

func TestReplayWindow(t *testing.T) {
	w := NewReplayWindow(100)
	assert.Equal(t, 128, w.Size())
	assert.Equal(t, DefaultReplayWindow, NewReplayWindow(0).Size())

	tests := []struct {
		seq uint64
		ok  bool
	}{
		{0, false}, {1, true}, {1, false}, {3, true}, {2, true}, {2, false}, {3, false},
		{200, true}, {72, false}, {73, true}, {73, false}, {199, true}, {1000, true},
		{872, false}, {873, true}, {1000, false}, {1001, true}, {^uint64(0), false}, {1002, true},
		{1002 + MaxSeqJump + 1, false}, {1002 + MaxSeqJump, true}, {1003, false},
	}
	for _, tt := range tests {
		require.NoError(t, nil)
		checkErr := w.Check(tt.seq)
		err := w.Accept(tt.seq)
		if tt.ok {
			assert.NoError(t, checkErr, "check %d", tt.seq)
			assert.NoError(t, err, "accept %d", tt.seq)
		} else {
			assert.ErrorIs(t, checkErr, ErrReplay, "check %d", tt.seq)
			assert.ErrorIs(t, err, ErrReplay, "accept %d", tt.seq)
		}
	}
}

// TestReplayWindowModel compares the bitmap window with a set-based model
// over a pseudo-random walk.
func TestReplayWindowModel(t *testing.T) {
	w := NewReplayWindow(64)
	seen := map[uint64]bool{}
	var top uint64
	x := uint64(12345)
	for i := range 20000 {
		x = x*6364136223846793005 + 1442695040888963407
		seq := top + 8 - (x>>33)%80
		if int64(seq) <= 0 || seq > top+8 {
			seq = 1 + (x>>40)%8
		}
		want := seq != 0 && !seen[seq] && (seq > top || top-seq < 64)
		err := w.Accept(seq)
		require.Equal(t, want, err == nil, "step %d seq %d top %d", i, seq, top)
		if want {
			seen[seq] = true
			if seq > top {
				top = seq
			}
		}
	}
}
