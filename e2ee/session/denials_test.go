package session

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDenialLimiter(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	t.Run("burst then refill", func(t *testing.T) {
		l := newDenialLimiter(10, 3, 8)
		for i := range 3 {
			require.True(t, l.allow("a", t0), "denial %d within the burst", i)
			l.charge("a", t0)
		}
		assert.False(t, l.allow("a", t0), "bucket empty")
		assert.True(t, l.allow("b", t0), "other keys unaffected")
		assert.False(t, l.allow("a", t0.Add(50*time.Millisecond)), "half a token")
		assert.True(t, l.allow("a", t0.Add(100*time.Millisecond)), "one token after 1/rate")
	})
	t.Run("bounded", func(t *testing.T) {
		l := newDenialLimiter(10, 3, 8)
		for i := range 100 {
			l.charge(fmt.Sprint(i), t0)
		}
		assert.Len(t, l.buckets, 8)
	})
	t.Run("a flood of new keys does not refill an emptied bucket", func(t *testing.T) {
		// Nothing refills in this test (rate ~0): only eviction could
		// give the abuser its tokens back.
		l := newDenialLimiter(1e-9, 20, 1024)
		for range 20 {
			l.charge("abuser", t0)
		}
		require.False(t, l.allow("abuser", t0))
		for i := range 100 * 1024 {
			l.charge(fmt.Sprintf("junk%d", i), t0.Add(time.Duration(i)*time.Microsecond))
		}
		assert.False(t, l.allow("abuser", t0.Add(time.Second)), "the abuser's empty bucket survived the flood")
		assert.Len(t, l.buckets, 1024)
	})
	t.Run("refilled entries go first", func(t *testing.T) {
		l := newDenialLimiter(10, 2, 2)
		l.charge("old", t0)
		l.charge("busy", t0)
		l.charge("busy", t0)
		l.charge("new", t0.Add(150*time.Millisecond)) // "old" refilled by now, "busy" not
		assert.Contains(t, l.buckets, "busy")
		assert.Contains(t, l.buckets, "new")
		assert.NotContains(t, l.buckets, "old")
	})
}

// TestDenialNamespacesApart: a flood of made-up CS keys (requests that
// failed before verification) cannot evict verified delegates' buckets.
func TestDenialNamespacesApart(t *testing.T) {
	n := &node{cfg: Config{DenyRate: 1e-9, DenyBurst: 20}}
	n.csDenials = newDenialLimiter(n.cfg.DenyRate, n.cfg.DenyBurst, maxBuckets)
	n.delegateDenials = newDenialLimiter(n.cfg.DenyRate, n.cfg.DenyBurst, maxBuckets)
	abuser := "d:0x00000000000000000000000000000000000000aa"
	for range 20 {
		n.charge(n.delegateDenials, abuser)
	}
	require.False(t, n.allow(n.delegateDenials, abuser))
	for i := range maxBuckets + 10 {
		n.charge(n.csDenials, fmt.Sprintf("cs:%064x", i))
	}
	assert.False(t, n.allow(n.delegateDenials, abuser))
	assert.Len(t, n.csDenials.buckets, maxBuckets)
}
