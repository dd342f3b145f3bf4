package keyring

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// An aes256gcm ring rotates a key before its nonce budget is spent, even with
// a policy that never rotates; MaxUses may only lower the cipher's bound.
func TestRingGCMNonceBudget(t *testing.T) {
	r, err := New(Config{Policy: PerTopic(nil), Cipher: envelope.CipherAESGCM, MaxUses: 3})
	require.NoError(t, err)
	var k envelope.SealKey
	defer k.Wipe()
	var ids []string
	for range 7 {
		require.NoError(t, r.Next("com.t", &k))
		assert.Equal(t, envelope.CipherAESGCM, k.Cipher)
		assert.LessOrEqual(t, k.Seq, uint64(3))
		ids = append(ids, k.ID)
	}
	assert.Equal(t, ids[0], ids[2])
	assert.NotEqual(t, ids[2], ids[3], "rotated after 3 messages")
	assert.Equal(t, ids[3], ids[5])
	assert.NotEqual(t, ids[5], ids[6])

	_, err = New(Config{Cipher: envelope.CipherAESGCM, MaxUses: envelope.GCMMaxMessages + 1})
	require.ErrorContains(t, err, "exceeds the aes256gcm bound")
	_, err = New(Config{Cipher: "aes128gcm"})
	require.ErrorContains(t, err, "cipher")

	r, err = New(Config{Policy: PerTopic(nil), Cipher: envelope.CipherAESGCM})
	require.NoError(t, err)
	assert.Equal(t, uint64(envelope.GCMMaxMessages), r.maxUses, "the default bound")
	// The last message of the budget keeps the key; the next one rotates.
	require.NoError(t, r.Next("com.t", &k))
	first := k.ID
	r.current["com.t"].seq = envelope.GCMMaxMessages - 1
	require.NoError(t, r.Next("com.t", &k))
	assert.Equal(t, first, k.ID)
	assert.Equal(t, uint64(envelope.GCMMaxMessages), k.Seq)
	require.NoError(t, r.Next("com.t", &k))
	assert.NotEqual(t, first, k.ID)
	assert.Equal(t, uint64(1), k.Seq)
}

// An xsalsa20poly1305 ring (the default) has no message budget of its own and
// names its cipher in every SealKey.
func TestRingXSalsaUnbounded(t *testing.T) {
	r, err := New(Config{Policy: PerTopic(nil)})
	require.NoError(t, err)
	var k envelope.SealKey
	defer k.Wipe()
	require.NoError(t, r.Next("com.t", &k))
	first := k.ID
	assert.Equal(t, envelope.CipherXSalsa, k.Cipher)
	r.current["com.t"].seq = envelope.GCMMaxMessages + 10
	require.NoError(t, r.Next("com.t", &k))
	assert.Equal(t, first, k.ID)
}
