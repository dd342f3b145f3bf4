package envelope

import (
	"crypto/ed25519"
	"sync"
	"testing"

	"golang.org/x/crypto/nacl/secretbox"
)

// testLookup is a minimal KeyLookup for tests (the real one is keyring.Cache).
type testLookup struct {
	mu   sync.Mutex
	keys map[string]*testEntry
}

type testEntry struct {
	key    [KeySize]byte
	win    *ReplayWindow
	sender ed25519.PublicKey
}

func newTestLookup() *testLookup { return &testLookup{keys: map[string]*testEntry{}} }

func (l *testLookup) LookupKey(id string, key *[KeySize]byte) (ReceiveState, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.keys[id]
	if !ok {
		return ReceiveState{}, ErrUnknownKey
	}
	*key = e.key
	return ReceiveState{Window: e.win, Sender: e.sender}, nil
}

// add registers key under a fresh id and returns a SealKey for it.
func (l *testLookup) add(tb testing.TB, key [KeySize]byte) SealKey {
	tb.Helper()
	loc, err := NewLocator()
	if err != nil {
		tb.Fatal(err)
	}
	id, err := NewKeyID(loc)
	if err != nil {
		tb.Fatal(err)
	}
	l.put(id.String(), key, nil)
	return SealKey{ID: id.String(), Key: key}
}

func (l *testLookup) put(id string, key [KeySize]byte, sender ed25519.PublicKey) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keys[id] = &testEntry{key: key, win: NewReplayWindow(0), sender: sender}
}

// openRaw decrypts a payload without any envelope checks.
func openRaw(p []byte, key *[KeySize]byte) ([]byte, bool) {
	var nonce [NonceSize]byte
	copy(nonce[:], p)
	return secretbox.Open(nil, p[NonceSize:], &nonce, key)
}
