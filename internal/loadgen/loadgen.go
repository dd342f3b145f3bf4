// Package loadgen drives pub/sub and RPC traffic through WAMP sessions and
// measures it: throughput with a bounded number of events in flight, and
// one-way latency with one message in flight. The e2ee-node bench command
// and the test benchmarks both measure through it, so that their figures
// mean the same thing.
//
// Every measurement compares two URIs in the same run — one the sessions
// send in plaintext, one they encrypt — through the same sessions, router
// and serializer, alternating between them so that drift in machine load
// affects both.
package loadgen

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"
)

// Publisher publishes events (session.Session and nexus's client.Client
// satisfy it).
type Publisher interface {
	Publish(topic string, opts wamp.Dict, args wamp.List, kwargs wamp.Dict) error
}

// Subscriber subscribes handlers to topics.
type Subscriber interface {
	Subscribe(topic string, fn client.EventHandler, opts wamp.Dict) error
}

// Caller calls procedures.
type Caller interface {
	Call(ctx context.Context, procedure string, opts wamp.Dict, args wamp.List, kwargs wamp.Dict, progcb client.ProgressHandler) (*wamp.Result, error)
}

// Registrar registers procedures.
type Registrar interface {
	Register(procedure string, fn client.InvocationHandler, opts wamp.Dict) error
}

// Peer is a session that can take both sides of a measurement
// (session.Session and nexus's client.Client satisfy it).
type Peer interface {
	Publisher
	Subscriber
	Caller
	Registrar
}

// Counter counts the events a handler receives and wakes one waiter when
// the count reaches its target (one wake-up per wait, not per event).
type Counter struct {
	got    atomic.Int64
	target atomic.Int64
	wake   chan struct{}
}

// NewCounter returns a Counter at zero.
func NewCounter() *Counter {
	c := &Counter{wake: make(chan struct{}, 1)}
	c.target.Store(1 << 62)
	return c
}

// Handle counts one event; it is a client.EventHandler.
func (c *Counter) Handle(*wamp.Event) {
	if c.got.Add(1) >= c.target.Load() {
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

// Count returns the events counted so far.
func (c *Counter) Count() int64 { return c.got.Load() }

// Wait waits until n events were counted; it returns false when no event
// arrived for idle (or ctx ended) before that.
func (c *Counter) Wait(ctx context.Context, n int64, idle time.Duration) bool {
	c.target.Store(n)
	defer c.target.Store(1 << 62)
	last := c.got.Load()
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		g := c.got.Load()
		if g >= n {
			return true
		}
		if g != last {
			last = g
			t.Reset(idle)
		}
		select {
		case <-c.wake:
		case <-ctx.Done():
			return c.got.Load() >= n
		case <-t.C:
			if c.got.Load() == last {
				return false
			}
		}
	}
}

// DefaultWindow is the default bound on events in flight. It keeps the
// events queued in the router for one subscriber (nexus drops events when
// that queue is full instead of applying back-pressure) and the bytes in a
// loopback socket (128 × ~1.4 KB) well below what the kernel buffers: with
// 512 events of 1 KiB in flight the subscriber's receive buffer fills,
// the kernel prunes it and the sender stalls for a retransmission timeout
// (~200 ms), which measures the kernel rather than the sessions.
const DefaultWindow = 128

// DefaultStall is how long a window may make no progress before its
// missing events are written off as lost.
const DefaultStall = 250 * time.Millisecond

// ThroughputConfig configures Throughput.
type ThroughputConfig struct {
	// Topics are the plaintext and the encrypted topic, in that order.
	Topics [2]string
	// Payload is the one argument of every event.
	Payload []byte
	// Payloads, where not nil, replace Payload for the topic of the same
	// index; Options are the publish options of each topic's events.
	Payloads [2][]byte
	Options  [2]wamp.Dict
	// Events is the number of events per topic; Rounds splits them into
	// alternating rounds (default 6).
	Events, Rounds int
	// Window bounds the events in flight (default DefaultWindow); Stall
	// bounds a window without progress (default DefaultStall).
	Window int
	Stall  time.Duration
}

// ThroughputResult holds delivered events per second of each topic.
type ThroughputResult struct {
	Plaintext, E2EE float64
	// Ratio is E2EE / Plaintext.
	Ratio float64
	// Lost counts events not delivered (plaintext, E2EE); Stalls counts
	// windows that made no progress for Stall.
	Lost, Stalls [2]int64
	// CPUPerEvent is the CPU time (user + system, every thread of this
	// process: publisher, router and subscriber when they share it) spent
	// per delivered event of each topic.
	CPUPerEvent [2]time.Duration
}

// Throughput subscribes sub to both topics, sends one warm-up event on each
// (the E2EE one fetches the key) and then publishes cfg.Events events per
// topic from pub, alternating rounds between the topics and keeping at most
// cfg.Window events in flight.
func Throughput(ctx context.Context, pub Publisher, sub Subscriber, cfg ThroughputConfig) (ThroughputResult, error) {
	var res ThroughputResult
	if cfg.Rounds <= 0 {
		cfg.Rounds = 6
	}
	if cfg.Window <= 1 {
		cfg.Window = DefaultWindow
	}
	if cfg.Stall <= 0 {
		cfg.Stall = DefaultStall
	}
	if cfg.Events < cfg.Rounds {
		return res, fmt.Errorf("loadgen: %d events cannot fill %d rounds", cfg.Events, cfg.Rounds)
	}
	var cs [2]*Counter
	var pubs [2]publication
	for i, topic := range cfg.Topics {
		pubs[i] = publication{topic: topic, opts: cfg.Options[i], payload: cfg.Payload}
		if cfg.Payloads[i] != nil {
			pubs[i].payload = cfg.Payloads[i]
		}
		cs[i] = NewCounter()
		if err := sub.Subscribe(topic, cs[i].Handle, nil); err != nil {
			return res, fmt.Errorf("loadgen: subscribe %s: %w", topic, err)
		}
		if err := warmUp(ctx, pub, cs[i], pubs[i]); err != nil {
			return res, err
		}
	}
	per := cfg.Events / cfg.Rounds
	var recv [2]int64
	var el, cpu [2]time.Duration
	for r := 0; r < cfg.Rounds; r++ {
		for k := range 2 {
			i := (k + r) % 2 // alternate which topic goes first
			w, err := windowed(ctx, pub, cs[i], pubs[i], per, cfg.Window, cfg.Stall)
			if err != nil {
				return res, err
			}
			recv[i] += w.received
			el[i] += w.elapsed
			cpu[i] += w.cpu
			res.Lost[i] += int64(per) - w.received
			res.Stalls[i] += w.stalls
		}
	}
	res.Plaintext = float64(recv[0]) / el[0].Seconds()
	res.E2EE = float64(recv[1]) / el[1].Seconds()
	if res.Plaintext > 0 {
		res.Ratio = res.E2EE / res.Plaintext
	}
	for i := range cpu {
		if recv[i] > 0 {
			res.CPUPerEvent[i] = cpu[i] / time.Duration(recv[i])
		}
	}
	if recv[0] == 0 || recv[1] == 0 {
		return res, errors.New("loadgen: no event was delivered")
	}
	return res, nil
}

// publication is what one topic's events carry.
type publication struct {
	topic   string
	opts    wamp.Dict
	payload []byte
}

// publish publishes one event of p. Options are copied per event: a
// publisher may keep the map (nexus's client sends it as given).
func (p publication) publish(pub Publisher, args wamp.List) error {
	var opts wamp.Dict
	if len(p.opts) > 0 {
		opts = maps.Clone(p.opts)
	}
	if err := pub.Publish(p.topic, opts, args, nil); err != nil {
		return fmt.Errorf("loadgen: publish %s: %w", p.topic, err)
	}
	return nil
}

// warmUp publishes one event and waits for it: the subscription is in
// place and, on an encrypted topic, the subscriber holds the key.
func warmUp(ctx context.Context, pub Publisher, c *Counter, p publication) error {
	base := c.Count()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if err := p.publish(pub, wamp.List{p.payload}); err != nil {
			return err
		}
		// A subscription may not have reached the router yet: retry.
		if c.Wait(ctx, base+1, 200*time.Millisecond) {
			// Let stragglers of earlier attempts arrive before counting.
			time.Sleep(5 * time.Millisecond)
			return nil
		}
		if ctx.Err() != nil {
			break
		}
	}
	return fmt.Errorf("loadgen: the warm-up event on %s did not arrive", p.topic)
}

type window struct {
	received, stalls int64
	elapsed, cpu     time.Duration
}

// windowed publishes n events keeping at most size in flight (sent, not
// yet counted): it sends size/2, then waits until at most size/2 are
// outstanding. A wait that makes no progress for stall writes the missing
// events off.
func windowed(ctx context.Context, pub Publisher, c *Counter, p publication, n, size int, stall time.Duration) (window, error) {
	var w window
	base := c.Count()
	var lost int64
	args := wamp.List{p.payload}
	half := size / 2
	start, cpu0 := time.Now(), processCPU()
	for sent := 0; sent < n; {
		for i := 0; i < half && sent < n; i++ {
			if err := p.publish(pub, args); err != nil {
				return w, err
			}
			sent++
		}
		want := base + int64(sent) - lost - int64(half)
		if !c.Wait(ctx, want, stall) {
			w.stalls++
			lost = base + int64(sent) - c.Count() - int64(half)
		}
		if err := ctx.Err(); err != nil {
			return w, err
		}
	}
	if !c.Wait(ctx, base+int64(n)-lost, stall) {
		w.stalls++
	}
	w.elapsed, w.cpu = time.Since(start), processCPU()-cpu0
	w.received = min(c.Count()-base, int64(n))
	return w, ctx.Err()
}

// LatencyConfig configures Latency.
type LatencyConfig struct {
	// Topics and Procedures are the plaintext and the encrypted URI, in
	// that order; Procedures may be empty (no calls).
	Topics, Procedures [2]string
	Payload            []byte
	// Events is the number of events per topic; every CallEvery-th
	// iteration also makes one call per procedure (default 4).
	Events, CallEvery int
	// Probe, if not nil, is timed once per iteration right after its
	// events arrived, on the measuring goroutine: a floor measured under
	// the loop's conditions (caches cold from the message path).
	Probe func()
}

// LatencyResult holds sorted one-way latencies, plaintext and E2EE.
type LatencyResult struct {
	// Events: PUBLISH → subscriber's handler.
	Events [2][]time.Duration
	// Invocations: CALL → callee's handler; Results: callee's return →
	// Call returning at the caller.
	Invocations, Results [2][]time.Duration
	// Probe holds the sorted durations of LatencyConfig.Probe.
	Probe []time.Duration
}

// Percentile returns the p-th percentile (0 ≤ p ≤ 1) of sorted d, 0 when d is
// empty.
func Percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[int(float64(len(d)-1)*p)]
}

// Added returns the E2EE minus plaintext difference of the p-th
// percentiles of two-mode samples.
func Added(d [2][]time.Duration, p float64) time.Duration {
	return Percentile(d[1], p) - Percentile(d[0], p)
}

// Latency measures one-way latency with one message in flight, plaintext
// and E2EE interleaved message by message. The publisher side (pub) makes
// the calls; the subscriber side (sub) registers the procedures, and
// answers with the payload.
func Latency(ctx context.Context, pub, sub Peer, cfg LatencyConfig) (LatencyResult, error) {
	var res LatencyResult
	if cfg.CallEvery <= 0 {
		cfg.CallEvery = 4
	}
	epoch := time.Now()
	var sentAt atomic.Int64
	since := func() time.Duration { return time.Duration(int64(time.Since(epoch)) - sentAt.Load()) }
	mark := func() { sentAt.Store(int64(time.Since(epoch))) }
	calls := cfg.Procedures[0] != "" && cfg.Procedures[1] != ""
	var chs [2]chan time.Duration
	for i := range cfg.Topics {
		ch := make(chan time.Duration, 1)
		chs[i] = ch
		if err := sub.Subscribe(cfg.Topics[i], func(*wamp.Event) {
			select {
			case ch <- since():
			default:
			}
		}, nil); err != nil {
			return res, fmt.Errorf("loadgen: subscribe %s: %w", cfg.Topics[i], err)
		}
		if calls {
			if err := sub.Register(cfg.Procedures[i], func(context.Context, *wamp.Invocation) client.InvokeResult {
				select {
				case ch <- since():
				default:
				}
				mark()
				return client.InvokeResult{Args: wamp.List{cfg.Payload}}
			}, nil); err != nil {
				return res, fmt.Errorf("loadgen: register %s: %w", cfg.Procedures[i], err)
			}
		}
		// Warm-up: the subscription is in place and the key fetched.
		if err := awaitOne(ctx, pub, cfg.Topics[i], cfg.Payload, ch); err != nil {
			return res, err
		}
		if calls { // warm-up: both result-key and call-key fetches
			if _, err := pub.Call(ctx, cfg.Procedures[i], nil, wamp.List{cfg.Payload}, nil, nil); err != nil {
				return res, fmt.Errorf("loadgen: call %s: %w", cfg.Procedures[i], err)
			}
			if _, err := receive(ctx, ch); err != nil {
				return res, fmt.Errorf("loadgen: invocation of %s: %w", cfg.Procedures[i], err)
			}
		}
	}
	for n := 0; n < cfg.Events; n++ {
		for i := range cfg.Topics {
			mark()
			if err := pub.Publish(cfg.Topics[i], nil, wamp.List{cfg.Payload}, nil); err != nil {
				return res, fmt.Errorf("loadgen: publish %s: %w", cfg.Topics[i], err)
			}
			d, err := receive(ctx, chs[i])
			if err != nil {
				return res, fmt.Errorf("loadgen: event on %s: %w", cfg.Topics[i], err)
			}
			res.Events[i] = append(res.Events[i], d)
		}
		if cfg.Probe != nil {
			start := time.Now()
			cfg.Probe()
			res.Probe = append(res.Probe, time.Since(start))
		}
		if !calls || n%cfg.CallEvery != 0 {
			continue
		}
		for i := range cfg.Procedures {
			mark()
			if _, err := pub.Call(ctx, cfg.Procedures[i], nil, wamp.List{cfg.Payload}, nil, nil); err != nil {
				return res, fmt.Errorf("loadgen: call %s: %w", cfg.Procedures[i], err)
			}
			res.Results[i] = append(res.Results[i], since())
			d, err := receive(ctx, chs[i])
			if err != nil {
				return res, fmt.Errorf("loadgen: invocation of %s: %w", cfg.Procedures[i], err)
			}
			res.Invocations[i] = append(res.Invocations[i], d)
		}
	}
	for _, s := range []*[2][]time.Duration{&res.Events, &res.Invocations, &res.Results} {
		for i := range s {
			slices.Sort(s[i])
		}
	}
	slices.Sort(res.Probe)
	return res, nil
}

// awaitOne publishes until one event arrives on ch (the subscription may
// not have reached the router yet).
func awaitOne(ctx context.Context, pub Publisher, topic string, payload []byte, ch <-chan time.Duration) error {
	for range 25 {
		if err := pub.Publish(topic, nil, wamp.List{payload}, nil); err != nil {
			return fmt.Errorf("loadgen: publish %s: %w", topic, err)
		}
		select {
		case <-ch:
			// Drop what earlier attempts may still deliver.
			time.Sleep(5 * time.Millisecond)
			select {
			case <-ch:
			default:
			}
			return nil
		case <-time.After(200 * time.Millisecond):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return fmt.Errorf("loadgen: the warm-up event on %s did not arrive", topic)
}

func receive(ctx context.Context, ch <-chan time.Duration) (time.Duration, error) {
	t := time.NewTimer(5 * time.Second)
	defer t.Stop()
	select {
	case d := <-ch:
		return d, nil
	case <-t.C:
		return 0, errors.New("not delivered within 5 s")
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// PubSub is a Publisher and Subscriber.
type PubSub interface {
	Publisher
	Subscriber
}

// Split sends the traffic of one topic to one session and of every other
// topic to another, so that Throughput can alternate two setups (say, two
// routers) in one run.
type Split struct {
	// Topic goes to First; every other topic to Second.
	Topic         string
	First, Second PubSub
}

func (s Split) pick(topic string) PubSub {
	if topic == s.Topic {
		return s.First
	}
	return s.Second
}

// Publish publishes through the session of topic.
func (s Split) Publish(topic string, opts wamp.Dict, args wamp.List, kwargs wamp.Dict) error {
	return s.pick(topic).Publish(topic, opts, args, kwargs)
}

// Subscribe subscribes through the session of topic.
func (s Split) Subscribe(topic string, fn client.EventHandler, opts wamp.Dict) error {
	return s.pick(topic).Subscribe(topic, fn, opts)
}
