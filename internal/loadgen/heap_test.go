package loadgen

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPerSession(t *testing.T) {
	require.Equal(t, 250.0, PerSession(1000, 3000, 8))
	require.Equal(t, -250.0, PerSession(3000, 1000, 8), "a shrinking heap is negative, not a wrapped uint64")
}

func TestSessionMemory(t *testing.T) {
	var kinds []int
	var warm []bool
	held := make([][]byte, 0, 8)
	h, err := SessionMemory(3, func(kind int, w bool) error {
		kinds, warm = append(kinds, kind), append(warm, w)
		held = append(held, make([]byte, 1<<20*(kind+1)))
		return nil
	})
	require.NoError(t, err)
	require.Equal(t, []int{0, 1, 0, 0, 0, 1, 1, 1}, kinds, "one of each first, then n of each kind in turn")
	require.Equal(t, []bool{true, true, false, false, false, false, false, false}, warm)
	require.InDelta(t, 1<<20, PerSession(h[0], h[1], 3), 1<<18)
	require.InDelta(t, 2<<20, PerSession(h[1], h[2], 3), 1<<18)
	require.Len(t, held, 8)

	boom := errors.New("boom")
	calls := 0
	_, err = SessionMemory(3, func(int, bool) error {
		if calls++; calls == 4 {
			return boom
		}
		return nil
	})
	require.ErrorIs(t, err, boom)
	require.Equal(t, 4, calls, "stops at the first error")
}
