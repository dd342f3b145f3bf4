package session

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
)

// fetchedBy and keysFrom keep only entries whose key is still live (in our
// ring, in the cache): they do not grow with every key ever served.
func TestPruneRevocationBookkeeping(t *testing.T) {
	ring, err := keyring.New(keyring.Config{Policy: keyring.DefaultPolicy(), Grace: -1})
	if err != nil {
		t.Fatal(err)
	}
	rs := &ruleState{ring: ring}
	n := &node{
		cache:     keyring.NewCache(keyring.CacheConfig{}),
		rings:     map[envelope.Locator]*ruleState{ring.Locator(): rs},
		fetchedBy: map[common.Address]map[string]string{},
		keysFrom:  map[common.Address]map[string]bool{},
	}
	var k envelope.SealKey
	if err := ring.NextTagged("com.p", "old", &k); err != nil {
		t.Fatal(err)
	}
	old := k.ID
	ring.RotateURI("com.p") // grace -1: gone at once
	ring.Cleanup()
	if err := ring.NextTagged("com.p", "live", &k); err != nil {
		t.Fatal(err)
	}
	live := k.ID
	k.Wipe()
	a, b := common.Address{1}, common.Address{2}
	n.fetchedBy[a] = map[string]string{old: "com.p", live: "com.p"}
	n.fetchedBy[b] = map[string]string{old: "com.p"}
	n.keysFrom[a] = map[string]bool{"x.y": true}
	n.mu.Lock()
	n.pruneLocked()
	n.mu.Unlock()
	if len(n.fetchedBy) != 1 || len(n.fetchedBy[a]) != 1 || n.fetchedBy[a][live] == "" {
		t.Fatalf("fetchedBy after prune: %d delegates", len(n.fetchedBy))
	}
	if len(n.keysFrom) != 0 {
		t.Fatalf("keysFrom after prune: %d originators", len(n.keysFrom))
	}
}
