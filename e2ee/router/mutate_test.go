package router_test

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

// mutate returns a random mutation of b: byte flips, inserts, deletes,
// truncation, or a splice with other.
func mutate(rng *rand.Rand, b, other []byte) []byte {
	out := append([]byte(nil), b...)
	for range 1 + rng.IntN(4) {
		switch op := rng.IntN(6); {
		case op == 0 && len(out) > 0:
			out[rng.IntN(len(out))] ^= byte(1 << rng.IntN(8))
		case op == 1 && len(out) > 0:
			out[rng.IntN(len(out))] = byte(rng.IntN(256))
		case op == 2:
			i := rng.IntN(len(out) + 1)
			out = append(out[:i], append([]byte{byte(rng.IntN(256))}, out[i:]...)...)
		case op == 3 && len(out) > 0:
			i := rng.IntN(len(out))
			out = append(out[:i], out[i+1:]...)
		case op == 4 && len(out) > 0:
			out = out[:rng.IntN(len(out))]
		case op == 5 && len(other) > 0:
			i, j := rng.IntN(len(out)+1), rng.IntN(len(other))
			out = append(out[:i:i], other[j:]...)
		}
	}
	return out
}

// TestGuardMutations runs the bodies of both fuzz targets over random
// mutations of their seeds (go test -fuzz stalls after a few seconds in this
// sandbox). One second by default; ROUTER_MUTATE_SECONDS sets the duration.
func TestGuardMutations(t *testing.T) {
	d := time.Second
	if s := os.Getenv("ROUTER_MUTATE_SECONDS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		d = time.Duration(n) * time.Second
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 11))

	type policySeed struct{ opts, args, kwargs []byte }
	var pseeds []policySeed
	var wire [][]byte
	sers := []serialize.Serializer{&serialize.CBORSerializer{}, &serialize.MessagePackSerializer{}, &serialize.JSONSerializer{}}
	for _, c := range checkCases() {
		if len(c.args) == 1 {
			if b, ok := c.args[0].([]byte); ok && len(b) > 1<<12 {
				continue
			}
		}
		pseeds = append(pseeds, policySeed{encodeItem(map[string]any(c.opts)), encodeItem([]any(c.args)), encodeItem(map[string]any(c.kwargs))})
		for _, s := range sers {
			for _, m := range messagesFor(c) {
				if b, err := s.Serialize(m); err == nil {
					wire = append(wire, b)
				}
			}
		}
	}
	p := router.DefaultPolicy()
	p.MaxPayload = 4096
	var n int
	for deadline := time.Now().Add(d); time.Now().Before(deadline); n++ {
		a, o := pseeds[rng.IntN(len(pseeds))], pseeds[rng.IntN(len(pseeds))]
		checkOne(t, &p, uint8(rng.IntN(4)), mutate(rng, a.opts, o.opts), mutate(rng, a.args, o.args), mutate(rng, a.kwargs, o.kwargs), rng.IntN(2) == 0)
		w := mutate(rng, wire[rng.IntN(len(wire))], wire[rng.IntN(len(wire))])
		deserializeOne(&p, uint8(rng.IntN(3)), w)
	}
	t.Logf("%d mutations per target in %v", n, d)
}
