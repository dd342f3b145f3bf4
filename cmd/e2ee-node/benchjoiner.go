package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"slices"
	"time"

	"github.com/gammazero/nexus/v3/transport/serialize"

	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
	"github.com/wamp-e2ee/e2ee-node/internal/onchain"
)

// The late joiner of issue 16 (onchain.LateJoiner, the method of the test
// benchmarks BenchmarkLateJoiner and BenchmarkLateJoinerAnvil).

// Late-joiner targets (issue 16 item 3): warm at most the transport floor
// plus this much; a cold verifier and a cold node at most these (against
// anvil: on the simulated chain the registry reads are CPU work in this
// process).
const (
	lateWarmAboveFloorUs = 150
	lateColdVerifierUs   = 1000
	lateColdNodeUs       = 2000
)

type benchLateJoiner struct {
	// Chain is "simulated" (in this process) or the endpoint URL.
	Chain      string `json:"chain"`
	Iterations int    `json:"iterations"`
	// TransportFloor is the plaintext EVENT + CALL/RESULT baseline after the same pause.
	TransportFloor percentile90Us `json:"transportFloor"`
	Warm           percentile90Us `json:"warm"`
	ColdVerifier   percentile90Us `json:"coldVerifier"`
	ColdNode       percentile90Us `json:"coldNode"`
	// WarmPush and ColdVerifierPush are Warm and ColdVerifier with a publisher that pushes the
	// rotated key to the joiner (docs/protocol.md §3.10) instead of letting it fetch.
	WarmPush         percentile90Us `json:"warmPush"`
	ColdVerifierPush percentile90Us `json:"coldVerifierPush"`
}

type percentile90Us struct {
	P50 float64 `json:"p50Us"`
	P90 float64 `json:"p90Us"`
}

func percentiles(d []time.Duration) percentile90Us {
	slices.Sort(d)
	return percentile90Us{P50: us(loadgen.Percentile(d, 0.5)), P90: us(loadgen.Percentile(d, 0.9))}
}

// lateJoiner measures the late joiner on a trust domain deployed on rpc (""
// for the simulated chain in this process), n iterations per case, through
// this bench's router.
func (b *benchEnv) lateJoiner(ctx context.Context, rpc string, n int) (benchLateJoiner, error) {
	res := benchLateJoiner{Chain: "simulated", Iterations: n}
	if rpc != "" {
		res.Chain = rpc
	}
	d, err := onchain.New(ctx, rpc)
	if err != nil {
		return res, fmt.Errorf("trust domain on %s: %w", res.Chain, err)
	}
	defer d.Close()
	quiet := log.New(io.Discard, "", 0)
	lj, err := onchain.NewLateJoiner(ctx, d, session.Config{
		Realm:         benchRealm,
		Dial:          session.DialWebsocket(b.url, serialize.MSGPACK, nil, quiet),
		Serialization: serialize.MSGPACK,
		Default:       session.Rule{Encrypt: true},
		FetchTimeout:  3 * time.Second,
	})
	if err != nil {
		return res, err
	}
	defer lj.Close()
	for _, c := range []struct {
		into    *percentile90Us
		measure func() ([]time.Duration, error)
	}{
		{&res.ColdNode, func() ([]time.Duration, error) { return lj.ColdNode(ctx, n, true) }},
		{&res.TransportFloor, func() ([]time.Duration, error) { return lj.TransportFloor(ctx, n) }},
		{&res.ColdVerifier, func() ([]time.Duration, error) { return lj.Warm(ctx, n, true) }},
		{&res.Warm, func() ([]time.Duration, error) { return lj.Warm(ctx, n, false) }},
		{&res.ColdVerifierPush, func() ([]time.Duration, error) { return lj.WarmPush(ctx, n, true) }},
		{&res.WarmPush, func() ([]time.Duration, error) { return lj.WarmPush(ctx, n, false) }},
	} {
		d, err := c.measure()
		if err != nil {
			return res, err
		}
		*c.into = percentiles(d)
	}
	return res, nil
}

// lateJoinerTargets evaluates the late-joiner targets; the baseline of each
// is the transport floor of the same run.
func lateJoinerTargets(r benchLateJoiner) []benchTarget {
	floor := r.TransportFloor.P50
	ratio := func(v float64) float64 {
		if floor == 0 {
			return 0
		}
		return v / floor
	}
	on := " (" + r.Chain + ")"
	return []benchTarget{
		{Name: "late joiner warm p50 vs transport floor, µs", Value: r.Warm.P50, Baseline: floor, Ratio: ratio(r.Warm.P50),
			Target: fmt.Sprintf("≤ floor + %d", lateWarmAboveFloorUs), Holds: floor > 0 && r.Warm.P50 <= floor+lateWarmAboveFloorUs},
		{Name: "late joiner cold verifier p50, µs" + on, Value: r.ColdVerifier.P50, Baseline: floor, Ratio: ratio(r.ColdVerifier.P50),
			Target: fmt.Sprintf("≤ %d", lateColdVerifierUs), Holds: r.ColdVerifier.P50 > 0 && r.ColdVerifier.P50 <= lateColdVerifierUs},
		{Name: "late joiner cold node p50, µs" + on, Value: r.ColdNode.P50, Baseline: floor, Ratio: ratio(r.ColdNode.P50),
			Target: fmt.Sprintf("≤ %d", lateColdNodeUs), Holds: r.ColdNode.P50 > 0 && r.ColdNode.P50 <= lateColdNodeUs},
	}
}

func printLateJoiner(w io.Writer, r benchLateJoiner) {
	fmt.Fprintf(w, "\nlate joiner, on-chain trust on %s (%d iterations each, %v idle before each)\n", r.Chain, r.Iterations, onchain.Pause)
	fmt.Fprintf(w, "%-34s %12s %12s\n", "", "p50 µs", "p90 µs")
	for _, c := range []struct {
		name string
		p    percentile90Us
	}{
		{"transport floor (plaintext)", r.TransportFloor},
		{"warm (resumed key request)", r.Warm},
		{"cold verifier (verdicts read)", r.ColdVerifier},
		{"cold node (new delegate)", r.ColdNode},
		{"warm, key pushed", r.WarmPush},
		{"cold verifier, key pushed", r.ColdVerifierPush},
	} {
		fmt.Fprintf(w, "%-34s %12.0f %12.0f\n", c.name, c.p.P50, c.p.P90)
	}
}
