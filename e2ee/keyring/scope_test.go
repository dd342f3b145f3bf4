package keyring

import (
	"errors"
	"testing"
	"time"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// TestCacheScopeAndOriginator: a scoped key reports its scope to Open's
// lookup, keeps it on re-add, and is dropped with its originator.
func TestCacheScopeAndOriginator(t *testing.T) {
	c := NewCache(CacheConfig{})
	id := "0123456789abcdef.00112233445566778899aabbccddeeff"
	var key [envelope.KeySize]byte
	key[0] = 1
	sc := envelope.KeyScope{URI: "com.a", Match: "exact", Kinds: envelope.KindSetOf(e2ee.KindPublish)}
	o := Origin{1}
	if err := c.AddScoped(id, &key, nil, time.Time{}, sc, o); err != nil {
		t.Fatal(err)
	}
	var got [envelope.KeySize]byte
	st, err := c.LookupKey(id, &got)
	if err != nil || st.Scope != sc {
		t.Fatalf("lookup: %v %+v", err, st.Scope)
	}
	if !st.Scope.Allows("com.a", e2ee.KindPublish) || st.Scope.Allows("com.b", e2ee.KindPublish) || st.Scope.Allows("com.a", e2ee.KindCall) {
		t.Fatal("scope does not restrict URI and kind")
	}
	other := sc
	other.URI = "com.b"
	if err := c.AddScoped(id, &key, nil, time.Time{}, other, o); !errors.Is(err, ErrScopeConflict) {
		t.Fatalf("re-add with another scope: %v", err)
	}
	if got, ok := c.Originator(id); !ok || got != o {
		t.Fatal("originator not recorded")
	}
	if c.RemoveOriginator(Origin{}) != 0 || c.RemoveOriginator(o) != 1 || c.Len() != 0 {
		t.Fatal("RemoveOriginator")
	}
}
