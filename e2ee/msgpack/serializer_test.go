package msgpack

import (
	"sync"
	"testing"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMessagesRoundTrip(t *testing.T) {
	for _, s := range samples() {
		t.Run(s.name, func(t *testing.T) {
			b := checkEncode(t, s.msg)
			got, err := checkDecode(t, b)
			require.NoError(t, err)
			require.Equal(t, s.msg.MessageType(), got.MessageType())
		})
	}
}

// TestEveryTypeCovered checks that samples has every message type nexus knows.
func TestEveryTypeCovered(t *testing.T) {
	seen := map[wamp.MessageType]bool{}
	for _, s := range samples() {
		seen[s.msg.MessageType()] = true
	}
	for typ := range wamp.MessageType(100) {
		if wamp.NewMessage(typ) != nil {
			require.True(t, seen[typ], "no sample of %v", typ)
		}
	}
}

// TestConcurrent uses one Serializer from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	s := &Serializer{}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				m := samples()[(g+i)%len(samples())].msg
				b, err := s.Serialize(m)
				if !assert.NoError(t, err) {
					return
				}
				got, err := s.Deserialize(b)
				if !assert.NoError(t, err) {
					return
				}
				want, err := nexus.Deserialize(b)
				if !assert.NoError(t, err) || !assert.True(t, equal(want, got)) {
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestAllocs guards the allocation counts the benchmarks report.
func TestAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts differ under -race")
	}
	s := &Serializer{}
	for _, c := range []struct {
		msg              wamp.Message
		encode, roundTrp float64
	}{
		{plainPublish(), 1, 5}, // block(message+args), Options, topic, []byte box
		{e2eePublish(), 1, 6},  // + the second map group; ppt_keyid and the key RPC are recent strings
		{e2eeEvent(), 1, 5},
	} {
		var b []byte
		enc := testing.AllocsPerRun(100, func() { b, _ = s.Serialize(c.msg) })
		rt := testing.AllocsPerRun(100, func() {
			b, _ = s.Serialize(c.msg)
			_, _ = s.Deserialize(b)
		})
		require.LessOrEqual(t, enc, c.encode, "%T", c.msg)
		require.LessOrEqual(t, rt, c.roundTrp, "%T", c.msg)
	}
}
