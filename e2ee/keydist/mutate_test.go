package keydist_test

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
)

// TestDecodeMutations runs in every `go test`: it mutates the seed corpus
// (flips, truncation, insertion, splicing) and feeds both decoders, which
// must never panic. It complements FuzzDecodeRequest/FuzzDecodeResponse,
// which need `go test -fuzz` (with -fuzzminimizetime of a few seconds: the
// seeds are several KiB, and minimizing each new input for the default
// 60 s looks like a stall). Set KEYDIST_MUTATE_SECONDS for a longer run
// (default 2 s).
func TestDecodeMutations(t *testing.T) {
	secs := 2
	if s := os.Getenv("KEYDIST_MUTATE_SECONDS"); s != "" {
		secs, _ = strconv.Atoi(s)
	}
	req, resp := seedWire(t)
	seeds := append(append([][]byte{}, req...), resp...)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	deadline := time.Now().Add(time.Duration(secs) * time.Second)
	n := 0
	for time.Now().Before(deadline) {
		for range 100 {
			b := append([]byte(nil), seeds[rng.IntN(len(seeds))]...)
			for range 1 + rng.IntN(8) {
				switch rng.IntN(5) {
				case 0:
					b[rng.IntN(len(b))] ^= byte(1 << rng.IntN(8))
				case 1:
					b[rng.IntN(len(b))] = byte(rng.Uint32())
				case 2:
					b = b[:1+rng.IntN(len(b))]
				case 3:
					i := rng.IntN(len(b))
					b = append(b[:i], append([]byte{byte(rng.Uint32())}, b[i:]...)...)
				case 4:
					o := seeds[rng.IntN(len(seeds))]
					i, j := rng.IntN(len(b)), rng.IntN(len(o))
					b = append(b[:i:i], o[j:]...)
				}
				if len(b) == 0 {
					b = []byte{'c'}
				}
			}
			if m, ok := decodeWire(b); ok {
				_, _ = keydist.DecodeRequest(m)
				_, _ = keydist.DecodeResponse(m)
			}
			n++
		}
	}
	t.Logf("%d mutated inputs decoded without panic", n)
}
