package keyring

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Result key slots (one per procedure and caller) of callers that never
// return are retired once idle or past the policy period, and the number of
// slots is capped: a router cannot make a callee hold unbounded keys.
func TestRingSlotsBounded(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clk := func() time.Time { return now }
	r, err := New(Config{Policy: DefaultPolicy(), Now: clk, Grace: time.Minute, MaxSlots: 100})
	require.NoError(t, err)
	var k envelope.SealKey
	ids := map[string]bool{}
	for i := range 1000 {
		require.NoError(t, r.NextTagged("com.p", fmt.Sprintf("caller-%d", i), &k))
		ids[k.ID] = true
	}
	k.Wipe()
	require.LessOrEqual(t, r.Len(), 201, "current + retired keys capped")

	// The policy period passes: every slot is retired, then removed.
	now = now.Add(DefaultEvery)
	r.Cleanup()
	now = now.Add(2 * time.Minute)
	r.Cleanup()
	require.Zero(t, r.Len())
	for id := range ids {
		_, ok := r.Lookup(id)
		require.False(t, ok)
	}
}

func TestRingIdleSlotsRetired(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	clk := func() time.Time { return now }
	// No time-based rotation: only MaxIdle retires.
	r, err := New(Config{Policy: PerTopic(nil), Now: clk, Grace: time.Minute, MaxIdle: time.Hour})
	require.NoError(t, err)
	var k envelope.SealKey
	require.NoError(t, r.NextTagged("com.p", "gone", &k))
	gone := k.ID
	require.NoError(t, r.NextTagged("com.p", "busy", &k))
	busy := k.ID
	for range 3 {
		now = now.Add(30 * time.Minute)
		require.NoError(t, r.NextTagged("com.p", "busy", &k))
		require.Equal(t, busy, k.ID, "a key in use is not retired")
	}
	k.Wipe()
	r.Cleanup() // retires the idle slot
	now = now.Add(2 * time.Minute)
	r.Cleanup() // its grace period is over
	_, ok := r.Lookup(gone)
	require.False(t, ok, "idle slot's key still served")
	info, ok := r.Lookup(busy)
	require.True(t, ok)
	info.Wipe()
	require.Equal(t, 1, r.Len())
}

// Keys stale for longer than the grace period are neither served nor held.
func TestRingLongStaleRemoved(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	r, err := New(Config{Policy: DefaultPolicy(), Now: func() time.Time { return now }})
	require.NoError(t, err)
	var k envelope.SealKey
	for i := range 50 {
		require.NoError(t, r.NextTagged("com.p", fmt.Sprintf("c%d", i), &k))
	}
	id := k.ID
	k.Wipe()
	now = now.Add(48 * time.Hour)
	_, ok := r.Lookup(id)
	require.False(t, ok)
	r.Cleanup()
	require.Zero(t, r.Len())
}
