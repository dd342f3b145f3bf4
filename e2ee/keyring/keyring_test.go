package keyring

import (
	"crypto/ed25519"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Unix(1_790_000_000, 0)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func next(t *testing.T, r *Ring, uri string) envelope.SealKey {
	t.Helper()
	var k envelope.SealKey
	require.NoError(t, r.Next(uri, &k))
	return k
}

func TestPolicies(t *testing.T) {
	prefix := func(uri string) string { return uri[:strings.LastIndexByte(uri, '.')] }
	tests := []struct {
		name   string
		policy Policy
		step   time.Duration
		uris   []string
		// newKey[i] says whether message i must get a key not seen before.
		newKey []bool
	}{
		{"per message", PerMessage(), 0, []string{"a.x", "a.x", "a.x"}, []bool{true, true, true}},
		{"per topic", PerTopic(nil), time.Hour, []string{"a.x", "a.x", "a.y", "a.x", "a.y"}, []bool{true, false, true, false, false}},
		{"per pattern", PerTopic(prefix), 0, []string{"a.x", "a.y", "b.x", "a.z"}, []bool{true, false, true, false}},
		{"every 2", EveryNMessages(2), 0, []string{"a", "a", "a", "a", "a"}, []bool{true, false, true, false, true}},
		{"every minute", EveryPeriod(time.Minute), 25 * time.Second, []string{"a", "a", "a", "a", "a"}, []bool{true, false, false, true, false}},
		{"default", DefaultPolicy(), time.Second, []string{"a", "a", "b"}, []bool{true, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock()
			r, err := New(Config{Policy: tt.policy, Now: clk.Now})
			require.NoError(t, err)
			seen := map[string]uint64{}
			for i, uri := range tt.uris {
				k := next(t, r, uri)
				_, old := seen[k.ID]
				assert.Equal(t, tt.newKey[i], !old, "message %d", i)
				assert.Equal(t, seen[k.ID]+1, k.Seq, "seq increments per key")
				seen[k.ID] = k.Seq
				id, err := envelope.ParseKeyID(k.ID)
				require.NoError(t, err)
				assert.Equal(t, r.Locator(), id.Locator)
				assert.Equal(t, r.KeyRPCURI(), k.KeyRPC)
				info, ok := r.Lookup(k.ID)
				require.True(t, ok)
				assert.Equal(t, k.Key, info.Key)
				clk.Advance(tt.step)
			}
		})
	}
}

func TestRotateOnDemandGraceCleanup(t *testing.T) {
	clk := newClock()
	r, err := New(Config{Policy: PerTopic(nil), Now: clk.Now, Grace: time.Minute, KeyRPCPrefix: "com.acme.key"})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(r.KeyRPCURI(), "com.acme.key."))
	a1, b1 := next(t, r, "a"), next(t, r, "b")

	assert.True(t, r.RotateURI("a"))
	assert.False(t, r.RotateScope("nope"))
	a2, b2 := next(t, r, "a"), next(t, r, "b")
	assert.NotEqual(t, a1.ID, a2.ID)
	assert.Equal(t, b1.ID, b2.ID)
	assert.Equal(t, uint64(1), a2.Seq)

	r.RotateAll()
	a3, b3 := next(t, r, "a"), next(t, r, "b")
	assert.NotEqual(t, a2.ID, a3.ID)
	assert.NotEqual(t, b2.ID, b3.ID)

	// Retired keys stay available during the grace period, with an expiry.
	info, ok := r.Lookup(a1.ID)
	require.True(t, ok)
	assert.Equal(t, "a", info.Scope)
	assert.Equal(t, info.Retired.Add(time.Minute), info.Expires)
	assert.Equal(t, 5, r.Len()) // a1 b1 a2 a3 b3

	clk.Advance(time.Minute)
	_, ok = r.Lookup(a1.ID)
	assert.False(t, ok, "grace over")
	assert.Equal(t, 3, r.Cleanup())
	assert.Equal(t, 2, r.Len())
	_, ok = r.Lookup(a3.ID)
	assert.True(t, ok)

	// Removed keys are zeroed in place.
	e := r.byID[a3.ID]
	r.RemoveAll()
	assert.Equal(t, [envelope.KeySize]byte{}, e.key)
	assert.Zero(t, r.Len())
	_, ok = r.Lookup(a3.ID)
	assert.False(t, ok)
}

func TestLookupExpiresUnderTimePolicy(t *testing.T) {
	clk := newClock()
	r, err := New(Config{Policy: EveryPeriod(time.Hour), Now: clk.Now, Grace: time.Minute})
	require.NoError(t, err)
	k := next(t, r, "a")
	info, ok := r.Lookup(k.ID)
	require.True(t, ok)
	assert.Equal(t, clk.Now().Add(time.Hour+time.Minute), info.Expires)
	assert.True(t, info.Retired.IsZero())
	_, ok = r.Lookup("0000000000000000.00000000000000000000000000000000")
	assert.False(t, ok)
}

func TestRingConcurrentSeqUnique(t *testing.T) {
	r, err := New(Config{Policy: EveryNMessages(100)})
	require.NoError(t, err)
	var mu sync.Mutex
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i := range 500 {
				var k envelope.SealKey
				if err := r.Next(fmt.Sprintf("u%d", i%3), &k); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				key := fmt.Sprintf("%s/%d", k.ID, k.Seq)
				if seen[key] {
					t.Errorf("duplicate %s", key)
				}
				seen[key] = true
				mu.Unlock()
				if i%100 == 0 {
					r.RotateAll()
					r.Cleanup()
				}
			}
		})
	}
	wg.Wait()
	assert.Len(t, seen, 4000)
}

func TestHotPathAllocs(t *testing.T) {
	r, err := New(Config{Policy: DefaultPolicy()})
	require.NoError(t, err)
	s, err := envelope.NewSealer(envelope.SealOptions{})
	require.NoError(t, err)
	const uri = "com.example.sensor.temperature"
	m := &envelope.Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{make([]byte, 1024)}}
	buf := make([]byte, 0, 2048)
	var k envelope.SealKey
	require.NoError(t, r.Next(uri, &k)) // creates the key
	allocs := testing.AllocsPerRun(1000, func() {
		if err := r.Next(uri, &k); err != nil {
			t.Fatal(err)
		}
		if buf, err = s.Seal(buf[:0], &k, m); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "Ring.Next + Sealer.Seal")
}

func TestInfoStringHidesKey(t *testing.T) {
	r, err := New(Config{})
	require.NoError(t, err)
	k := next(t, r, "a")
	info, ok := r.Lookup(k.ID)
	require.True(t, ok)
	copy(info.Key[:], "SECRETSECRETSECRETSECRETSECRET!!")
	for _, s := range []string{fmt.Sprint(info), fmt.Sprintf("%+v", info), fmt.Sprintf("%#v", info), fmt.Sprintf("%x", info)} {
		assert.NotContains(t, s, "SECRET")
		assert.NotContains(t, s, "534543524554")
	}
	info.Wipe()
	assert.Equal(t, [envelope.KeySize]byte{}, info.Key)
}

func TestRingBadRandom(t *testing.T) {
	_, err := New(Config{Rand: strings.NewReader("short")})
	require.Error(t, err)
	r, err := New(Config{Rand: strings.NewReader("12345678"), Locator: envelope.Locator{1}})
	require.NoError(t, err)
	var k envelope.SealKey
	require.Error(t, r.Next("a", &k))
	_, err = New(Config{Policy: EveryPeriod(-time.Second)})
	require.Error(t, err)
}

func TestCache(t *testing.T) {
	clk := newClock()
	c := NewCache(CacheConfig{MaxKeys: 3, TTL: time.Hour, Window: 64, Now: clk.Now})
	id := func(i int) string { return fmt.Sprintf("%016x.%032x", 1, i) }
	key := func(b byte) *[envelope.KeySize]byte {
		var k [envelope.KeySize]byte
		k[0] = b
		return &k
	}
	sender := ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)

	require.NoError(t, c.Add(id(1), key(1), sender, time.Time{}))
	var got [envelope.KeySize]byte
	st, err := c.LookupKey(id(1), &got)
	require.NoError(t, err)
	assert.Equal(t, *key(1), got)
	assert.Equal(t, sender, st.Sender)
	require.NotNil(t, st.Window)
	assert.Equal(t, 64, st.Window.Size())

	// Re-adding the same key keeps the window; a different key conflicts.
	require.NoError(t, st.Window.Accept(5))
	require.NoError(t, c.Add(id(1), key(1), nil, clk.Now().Add(time.Minute)))
	st2, err := c.LookupKey(id(1), &got)
	require.NoError(t, err)
	assert.Same(t, st.Window, st2.Window)
	assert.Nil(t, st2.Sender)
	require.ErrorIs(t, c.Add(id(1), key(2), nil, time.Time{}), ErrKeyConflict)

	// Invalid input.
	require.ErrorIs(t, c.Add("bad", key(1), nil, time.Time{}), envelope.ErrMalformed)
	require.Error(t, c.Add(id(9), key(1), ed25519.PublicKey{1}, time.Time{}))
	require.Error(t, c.Add(id(9), key(1), nil, clk.Now().Add(-time.Second)))

	// Unknown and expired.
	_, err = c.LookupKey(id(2), &got)
	require.ErrorIs(t, err, envelope.ErrUnknownKey)
	clk.Advance(time.Minute)
	_, err = c.LookupKey(id(1), &got)
	require.ErrorIs(t, err, envelope.ErrUnknownKey)
	assert.Zero(t, c.Len())

	// Bounded: the key expiring soonest is evicted.
	require.NoError(t, c.Add(id(1), key(1), nil, clk.Now().Add(10*time.Minute)))
	require.NoError(t, c.Add(id(2), key(2), nil, clk.Now().Add(5*time.Minute)))
	require.NoError(t, c.Add(id(3), key(3), nil, clk.Now().Add(20*time.Minute)))
	require.NoError(t, c.Add(id(4), key(4), nil, time.Time{}))
	assert.Equal(t, 3, c.Len())
	_, err = c.LookupKey(id(2), &got)
	require.ErrorIs(t, err, envelope.ErrUnknownKey)

	// Expired keys go first, and Cleanup removes them.
	clk.Advance(15 * time.Minute)
	assert.Equal(t, 1, c.Cleanup())
	assert.Equal(t, 2, c.Len())

	// Remove and RemoveLocator.
	other := fmt.Sprintf("%016x.%032x", 2, 1)
	require.NoError(t, c.Add(other, key(5), nil, time.Time{}))
	var loc envelope.Locator
	loc[7] = 1
	assert.Equal(t, 2, c.RemoveLocator(loc))
	assert.True(t, c.Remove(other))
	assert.False(t, c.Remove(other))
	assert.Zero(t, c.Len())
}

// TestCacheWithEnvelope opens messages from a Ring through a Cache.
func TestCacheWithEnvelope(t *testing.T) {
	const uri = "com.example.t"
	r, err := New(Config{Policy: DefaultPolicy()})
	require.NoError(t, err)
	c := NewCache(CacheConfig{})
	s, err := envelope.NewSealer(envelope.SealOptions{})
	require.NoError(t, err)
	o, err := envelope.NewOpener(envelope.OpenOptions{})
	require.NoError(t, err)
	d := envelope.Delivery{URI: uri, Kind: e2ee.KindPublish}

	k := next(t, r, uri)
	p, err := s.Seal(nil, &k, &envelope.Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{"hi"}})
	require.NoError(t, err)
	opts := envelope.PutOptions(nil, k.ID, k.KeyRPC)

	_, err = o.Open(opts, []any{p}, nil, d, c)
	require.ErrorIs(t, err, envelope.ErrUnknownKey)
	id, err := envelope.ParseKeyID(opts[envelope.OptKeyID].(string))
	require.NoError(t, err)
	assert.Equal(t, r.KeyRPCURI(), id.KeyRPCURI(""), "receiver derives the key RPC from ppt_keyid")

	info, ok := r.Lookup(k.ID)
	require.True(t, ok)
	require.NoError(t, c.Add(k.ID, &info.Key, nil, info.Expires))
	info.Wipe()
	got, err := o.Open(opts, []any{p}, nil, d, c)
	require.NoError(t, err)
	assert.Equal(t, []any{"hi"}, got.Args)
	_, err = o.Open(opts, []any{p}, nil, d, c)
	require.ErrorIs(t, err, envelope.ErrReplay)
}

func BenchmarkRingNext(b *testing.B) {
	r, err := New(Config{Policy: DefaultPolicy()})
	require.NoError(b, err)
	var k envelope.SealKey
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Next("com.example.sensor.temperature", &k); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRingNextSeal1KiB(b *testing.B) {
	const uri = "com.example.sensor.temperature"
	r, err := New(Config{Policy: DefaultPolicy()})
	require.NoError(b, err)
	s, err := envelope.NewSealer(envelope.SealOptions{})
	require.NoError(b, err)
	m := &envelope.Message{URI: uri, Kind: e2ee.KindPublish, Args: []any{make([]byte, 1024)}}
	buf := make([]byte, 0, 2048)
	var k envelope.SealKey
	b.ReportAllocs()
	for b.Loop() {
		if err := r.Next(uri, &k); err != nil {
			b.Fatal(err)
		}
		if buf, err = s.Seal(buf[:0], &k, m); err != nil {
			b.Fatal(err)
		}
	}
}
