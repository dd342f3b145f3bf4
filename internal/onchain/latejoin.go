package onchain

import (
	"context"
	"fmt"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

// LateJoiner measures the time from PUBLISH to a late joiner's first
// decrypted event, which includes its key request to the publisher
// (docs/benchmarks.md), in the cases of issue 16:
//
//   - ColdNode: a new delegate joins with a new session and a new verifier:
//     no chain or verdict cached on either side. Settled: its authorization
//     was processed by the originator's event follower; otherwise
//     ("just authorized") the originator's follower may not have seen it.
//   - Warm with purge ("cold verifier"): the same joiner after the publisher
//     rotated its keys, both verifiers purged (chains and resumption state
//     kept, verdicts read from the chain).
//   - Warm: the same joiner after a rotation, verdicts and chains cached;
//     its key request resumes (docs/protocol.md §3.8). The publisher does
//     not push keys (session.Config.NoKeyPush): a late joiner fetches.
//   - WarmPush, with purge or not: the same with a publisher that pushes
//     the new key to the joiner, a reader of the old one (§3.10), before
//     the first event under it.
//   - TransportFloor: the baseline, the same three message hops in
//     plaintext between two such nodes — an EVENT to the joiner, whose
//     handler CALLs a procedure of the publisher and waits for the RESULT —
//     with the same pause before each iteration. No key-distribution
//     protocol can take the warm case below it.
//
// Every iteration starts after Pause of idleness (a late joiner's event is
// by nature the first message after a pause: every hop then pays a thread
// wake-up). Each returns one duration per iteration, in order.
type LateJoiner struct {
	d   *Domain
	cfg session.Config
	pub *Node

	joiner *Node
	warm   chan struct{} // the joiner's events on the warm topic

	pusher *Node
	pushed chan struct{} // the joiner's events on the push topic

	floorPub, floorJoiner *Node
	floorDone             chan error

	nodes []*Node
	seq   int
}

// eventWait bounds the wait for one event.
const eventWait = 5 * time.Second

// Pause is the idle time before each iteration of a LateJoiner measurement.
const Pause = time.Millisecond

// idle waits Pause.
func idle() {
	t := time.NewTimer(Pause)
	<-t.C
}

// NewLateJoiner starts the publisher: a node of d dialled with cfg (its
// Realm, Dial, Serialization, Default rule — encrypting — and timeouts;
// Identity and KeyPolicy are set per node). Close it when done.
func NewLateJoiner(ctx context.Context, d *Domain, cfg session.Config) (*LateJoiner, error) {
	l := &LateJoiner{d: d, cfg: cfg}
	// The publisher pushes no keys (docs/protocol.md §3.10): the warm
	// joiner must fetch every rotated key, the cost measured here.
	pubCfg := cfg
	pubCfg.NoKeyPush = true
	var err error
	if l.pub, err = l.node(ctx, pubCfg); err != nil {
		return nil, err
	}
	return l, nil
}

// Close closes every node.
func (l *LateJoiner) Close() {
	for _, n := range l.nodes {
		n.Close()
	}
}

func (l *LateJoiner) node(ctx context.Context, cfg session.Config) (*Node, error) {
	n, err := l.d.Node(ctx, cfg, nil)
	if err != nil {
		return nil, err
	}
	l.nodes = append(l.nodes, n)
	return n, nil
}

// signal returns an event handler that signals ch without blocking.
func signal(ch chan struct{}) client.EventHandler {
	return func(*wamp.Event) {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// first publishes on topic and waits for the event on got.
func (l *LateJoiner) first(ctx context.Context, got <-chan struct{}, topic string) (time.Duration, error) {
	return firstFrom(ctx, l.pub, got, topic)
}

// firstFrom publishes on topic from pub and waits for the event on got.
func firstFrom(ctx context.Context, pub *Node, got <-chan struct{}, topic string) (time.Duration, error) {
	start := time.Now()
	if err := pub.Session.Publish(topic, nil, wamp.List{"x"}, nil); err != nil {
		return 0, err
	}
	t := time.NewTimer(eventWait)
	defer t.Stop()
	select {
	case <-got:
		return time.Since(start), nil
	case <-t.C:
		return 0, fmt.Errorf("%s: %w", topic, errNoEvent)
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// ColdNode measures n new nodes' first events (see LateJoiner); each node
// is closed after its event.
func (l *LateJoiner) ColdNode(ctx context.Context, n int, settled bool) ([]time.Duration, error) {
	var d []time.Duration
	for range n {
		seen := l.pub.Verifier.Stats().Events
		j, err := l.d.Node(ctx, l.cfg, nil)
		if err != nil {
			return nil, err
		}
		if settled {
			if err := l.awaitFollower(ctx, seen); err != nil {
				j.Close()
				return nil, err
			}
		}
		l.seq++
		topic := fmt.Sprintf("bench.late.cold.%d", l.seq)
		got := make(chan struct{}, 1)
		if err := j.Session.Subscribe(topic, signal(got), nil); err != nil {
			j.Close()
			return nil, err
		}
		idle()
		t, err := l.first(ctx, got, topic)
		j.Close()
		if err != nil {
			return nil, fmt.Errorf("cold node: %w (joiner %+v)", err, j.Session.Stats())
		}
		d = append(d, t)
	}
	return d, nil
}

// awaitFollower waits until the publisher's verifier processed a registry
// event after the seen-th (a new authorization). The verifier has no
// notification for it: it is polled every millisecond.
func (l *LateJoiner) awaitFollower(ctx context.Context, seen uint64) error {
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(eventWait)
	defer deadline.Stop()
	for l.pub.Verifier.Stats().Events == seen {
		select {
		case <-tick.C:
		case <-deadline.C:
			return fmt.Errorf("the originator's follower did not process the authorization within %v", eventWait)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

const warmTopic = "bench.late.warm"

// ensureJoiner starts the warm joiner and fetches its first key.
func (l *LateJoiner) ensureJoiner(ctx context.Context) error {
	if l.joiner != nil {
		return nil
	}
	j, err := l.node(ctx, l.cfg)
	if err != nil {
		return err
	}
	l.warm = make(chan struct{}, 1)
	if err := j.Session.Subscribe(warmTopic, signal(l.warm), nil); err != nil {
		return err
	}
	if _, err := l.first(ctx, l.warm, warmTopic); err != nil {
		return err
	}
	l.joiner = j
	return nil
}

// Warm measures n first events of the warm joiner, each after a key
// rotation of the publisher; with purge, both verifiers are purged before
// each. Every key request must resume: a signed one is an error.
func (l *LateJoiner) Warm(ctx context.Context, n int, purge bool) ([]time.Duration, error) {
	if err := l.ensureJoiner(ctx); err != nil {
		return nil, err
	}
	st0 := l.joiner.Session.Stats()
	var d []time.Duration
	for range n {
		l.pub.Session.RotateAll()
		if purge {
			l.pub.Verifier.Purge()
			l.joiner.Verifier.Purge()
		}
		idle()
		t, err := l.first(ctx, l.warm, warmTopic)
		if err != nil {
			return nil, err
		}
		d = append(d, t)
	}
	st := l.joiner.Session.Stats()
	if fetches, resumed := st.KeyFetches-st0.KeyFetches, st.ResumedKeyFetches-st0.ResumedKeyFetches; resumed != fetches {
		return nil, fmt.Errorf("late joiner: %d of %d key fetches resumed", resumed, fetches)
	}
	return d, nil
}

const pushTopic = "bench.late.push"

// WarmPush measures n first events of the warm joiner from a publisher
// that pushes keys, each after a key rotation of it; with purge, both
// verifiers are purged before each (the pusher decides about the joiner
// when it pushes). Every key must arrive by push: a fetch is an error.
func (l *LateJoiner) WarmPush(ctx context.Context, n int, purge bool) ([]time.Duration, error) {
	if err := l.ensureJoiner(ctx); err != nil {
		return nil, err
	}
	if l.pusher == nil {
		p, err := l.node(ctx, l.cfg)
		if err != nil {
			return nil, err
		}
		l.pushed = make(chan struct{}, 1)
		if err := l.joiner.Session.Subscribe(pushTopic, signal(l.pushed), nil); err != nil {
			return nil, err
		}
		if _, err := firstFrom(ctx, p, l.pushed, pushTopic); err != nil { // the joiner fetches, becoming a reader
			return nil, err
		}
		l.pusher = p
	}
	st0 := l.joiner.Session.Stats()
	var d []time.Duration
	for range n {
		l.pusher.Session.RotateAll()
		if purge {
			l.pusher.Verifier.Purge()
			l.joiner.Verifier.Purge()
		}
		idle()
		t, err := firstFrom(ctx, l.pusher, l.pushed, pushTopic)
		if err != nil {
			return nil, err
		}
		d = append(d, t)
	}
	st := l.joiner.Session.Stats()
	if fetches, pushed := st.KeyFetches-st0.KeyFetches, st.KeyPushesAccepted-st0.KeyPushesAccepted; fetches != 0 || pushed != uint64(n) {
		return nil, fmt.Errorf("late joiner: %d of %d keys pushed, %d fetched", pushed, n, fetches)
	}
	return d, nil
}

// TransportFloor measures n plaintext EVENT + CALL/RESULT round trips
// between two nodes, each after a key rotation of the publisher (the same
// pause as Warm's).
func (l *LateJoiner) TransportFloor(ctx context.Context, n int) ([]time.Duration, error) {
	if err := l.ensureJoiner(ctx); err != nil { // the same nodes as Warm's run alongside
		return nil, err
	}
	if l.floorPub == nil {
		plain := l.cfg
		plain.Default = session.Rule{Encrypt: false}
		fp, err := l.node(ctx, plain)
		if err != nil {
			return nil, err
		}
		fj, err := l.node(ctx, plain)
		if err != nil {
			return nil, err
		}
		if err := fp.Session.Register("bench.late.floor.echo", func(context.Context, *wamp.Invocation) client.InvokeResult {
			return client.InvokeResult{Args: wamp.List{"x"}}
		}, nil); err != nil {
			return nil, err
		}
		done := make(chan error, 1)
		if err := fj.Session.Subscribe("bench.late.floor", func(*wamp.Event) {
			// Not on nexus's receive goroutine, which must read the RESULT
			// (a key fetch also runs on its own goroutine).
			go func() {
				cctx, cancel := context.WithTimeout(context.Background(), eventWait)
				defer cancel()
				_, err := fj.Session.Call(cctx, "bench.late.floor.echo", nil, wamp.List{"x"}, nil, nil)
				done <- err
			}()
		}, nil); err != nil {
			return nil, err
		}
		l.floorPub, l.floorJoiner, l.floorDone = fp, fj, done
	}
	var d []time.Duration
	for range n {
		l.pub.Session.RotateAll() // the same pause as Warm's
		idle()
		start := time.Now()
		if err := l.floorPub.Session.Publish("bench.late.floor", nil, wamp.List{"x"}, nil); err != nil {
			return nil, err
		}
		t := time.NewTimer(eventWait)
		select {
		case err := <-l.floorDone:
			t.Stop()
			if err != nil {
				return nil, err
			}
		case <-t.C:
			return nil, fmt.Errorf("transport floor: %w", errNoEvent)
		}
		d = append(d, time.Since(start))
	}
	return d, nil
}
