package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/internal/loadgen"
)

// Fan-out and key rotation at scale (issue 16 item 5, the method of the
// test benchmark BenchmarkFanOut): one publisher, N subscriber sessions in
// this process on a router with its default per-client queue.

// Fan-out targets: a rotation reaches every subscriber within this; an
// idle E2EE session costs at most this many times a plain nexus session.
const (
	fanRotationMs = 1000
	fanMemRatio   = 2
)

// fanRotations is how many rotations are timed per mode (the median is
// reported).
const fanRotations = 3

type benchFanOut struct {
	Subscribers int `json:"subscribers"`
	// PlainBytes and E2EEBytes are the live heap per idle subscriber
	// session (router and client side, both in this process): a stock
	// nexus client and an E2EE session, subscribed, before any key.
	PlainBytes float64 `json:"plainBytesPerSession"`
	E2EEBytes  float64 `json:"e2eeBytesPerSession"`
	// PullMs and PushMs are the median time from a rotation at the
	// publisher until every subscriber decrypted the next event: readers
	// fetch the new key (pull), or the publisher pushes it (push, the
	// default).
	PullMs float64 `json:"rotationPullMs"`
	PushMs float64 `json:"rotationPushMs"`
	// KeyRequests counts the key requests the pushing publisher served
	// during the rotations (0: every key arrived pushed).
	KeyRequests uint64 `json:"keyRequestsDuringPush"`
}

// noKeyPush makes a bench session fetch-only on the originating side.
func noKeyPush(c *session.Config) { c.NoKeyPush = true }

// parseFanOut parses --fanout: comma-separated subscriber counts, 1…10000
// each; "" or "0" measures none.
func parseFanOut(s string) ([]int, error) {
	if s == "" || s == "0" {
		return nil, nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 10000 {
			return nil, fmt.Errorf("--fanout %q: want comma-separated subscriber counts, each 1…10000", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// fanOut measures each N of ns on its own router.
func (b *benchEnv) fanOut(ctx context.Context, ns []int) ([]benchFanOut, error) {
	var out []benchFanOut
	for _, n := range ns {
		r, err := b.fanOutOne(ctx, n)
		if err != nil {
			return out, fmt.Errorf("%d subscribers: %w", n, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func (b *benchEnv) fanOutOne(ctx context.Context, n int) (benchFanOut, error) {
	res := benchFanOut{Subscribers: n}
	rt, err := router.New(router.Config{
		Realms:    []router.RealmConfig{{Name: benchRealm}},
		Listeners: []router.ListenerConfig{{URL: "ws://127.0.0.1:0/ws"}},
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		// The default per-client queue; room for 2N connections from loopback.
		MaxConns: 2*n + 10, MaxConnsPerAddr: 2*n + 10,
	})
	if err != nil {
		return res, fmt.Errorf("start router: %w", err)
	}
	fb := *b // the same PKI, this router
	fb.rt, fb.url, fb.sessions = rt, rt.Addrs()[0], nil
	defer fb.close()

	plain := make([]*client.Client, 0, n+1)
	defer func() {
		for _, c := range plain {
			_ = c.Close()
		}
	}()
	got := loadgen.NewCounter()
	h, err := loadgen.SessionMemory(n, func(kind int, warm bool) error {
		suffix := ".fan"
		if warm {
			suffix = ".warm"
		}
		if kind == 0 {
			c, err := client.ConnectNet(ctx, fb.url, client.Config{Realm: benchRealm, Serialization: serialize.MSGPACK})
			if err != nil {
				return err
			}
			plain = append(plain, c)
			return c.Subscribe("bench.plain"+suffix, func(*wamp.Event) {}, nil)
		}
		s, err := fb.session(ctx, nil)
		if err != nil {
			return err
		}
		return s.Subscribe("bench"+suffix, got.Handle, nil)
	})
	if err != nil {
		return res, err
	}
	res.PlainBytes = loadgen.PerSession(h[0], h[1], n)
	res.E2EEBytes = loadgen.PerSession(h[1], h[2], n)

	puller, err := fb.session(ctx, nil, noKeyPush)
	if err != nil {
		return res, err
	}
	pusher, err := fb.session(ctx, nil)
	if err != nil {
		return res, err
	}
	// One event makes all N deliveries; a subscriber that misses its key
	// drops the event, so waiting longer than its fetch timeout is futile.
	event := func(s *session.Session) (time.Duration, error) {
		want := got.Count() + int64(n)
		start := time.Now()
		if err := s.Publish("bench.fan", nil, wamp.List{"x"}, nil); err != nil {
			return 0, err
		}
		if !got.Wait(ctx, want, 5*time.Second) {
			return 0, fmt.Errorf("%d of %d subscribers decrypted the event", got.Count()-want+int64(n), n)
		}
		return time.Since(start), nil
	}
	for _, s := range []*session.Session{puller, pusher} { // the first key: fetched by all
		if _, err := event(s); err != nil {
			return res, err
		}
	}
	served := pusher.Stats().KeyRequestsServed
	var pull, push []time.Duration
	for range fanRotations {
		for _, m := range []struct {
			s    *session.Session
			into *[]time.Duration
		}{{puller, &pull}, {pusher, &push}} {
			m.s.RotateAll()
			d, err := event(m.s)
			if err != nil {
				return res, err
			}
			*m.into = append(*m.into, d)
		}
	}
	if ctx.Err() != nil {
		return res, errors.New("out of time (raise --limit)")
	}
	median := func(d []time.Duration) float64 {
		slices.Sort(d)
		return float64(d[len(d)/2].Microseconds()) / 1000
	}
	res.PullMs, res.PushMs = median(pull), median(push)
	res.KeyRequests = pusher.Stats().KeyRequestsServed - served
	return res, nil
}

// fanOutTargets evaluates the fan-out targets for each N: the rotation
// (pushed, the default; baseline the pull of the same run) and memory.
func fanOutTargets(rs []benchFanOut) []benchTarget {
	var out []benchTarget
	for _, r := range rs {
		ratio := 0.0
		if r.PullMs > 0 {
			ratio = r.PushMs / r.PullMs
		}
		out = append(out, benchTarget{
			Name:  fmt.Sprintf("rotation reaches %d subscribers (push vs pull), ms", r.Subscribers),
			Value: r.PushMs, Baseline: r.PullMs, Ratio: ratio,
			Target: fmt.Sprintf("≤ %d", fanRotationMs), Holds: r.PushMs > 0 && r.PushMs <= fanRotationMs,
		})
		mem := 0.0
		if r.PlainBytes > 0 {
			mem = r.E2EEBytes / r.PlainBytes
		}
		out = append(out, benchTarget{
			Name:  fmt.Sprintf("memory per idle E2EE session vs plain, router + client side (N=%d), B", r.Subscribers),
			Value: r.E2EEBytes, Baseline: r.PlainBytes, Ratio: mem,
			Target: fmt.Sprintf("≤ %d ×", fanMemRatio), Holds: r.PlainBytes > 0 && mem <= fanMemRatio,
		})
	}
	return out
}

func printFanOut(w io.Writer, rs []benchFanOut) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintf(w, "\nfan-out: one publisher, N subscribers, router's default queue (median of %d rotations)\n", fanRotations)
	fmt.Fprintf(w, "%-8s %14s %14s %16s %16s %14s\n", "N", "plain B/sess", "E2EE B/sess", "rotation pull ms", "rotation push ms", "key requests")
	for _, r := range rs {
		fmt.Fprintf(w, "%-8d %14.0f %14.0f %16.1f %16.1f %14d\n", r.Subscribers, r.PlainBytes, r.E2EEBytes, r.PullMs, r.PushMs, r.KeyRequests)
	}
}
