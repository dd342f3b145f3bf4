package loadgen

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/client"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loopback delivers every published event to the topic's handler on
// another goroutine, dropping the events whose sequence number drop
// selects (per topic), and answers calls with the registered handler.
type loopback struct {
	mu       sync.Mutex
	opts     map[string][]wamp.Dict // options of every publish, by topic
	handlers map[string]client.EventHandler
	procs    map[string]client.InvocationHandler
	seq      map[string]int
	drop     func(topic string, seq int) bool
	queue    chan func()
}

func newLoopback(drop func(string, int) bool) *loopback {
	l := &loopback{handlers: map[string]client.EventHandler{}, procs: map[string]client.InvocationHandler{},
		seq: map[string]int{}, drop: drop, queue: make(chan func(), 1024)}
	go func() {
		for f := range l.queue {
			f()
		}
	}()
	return l
}

func (l *loopback) Publish(topic string, opts wamp.Dict, args wamp.List, _ wamp.Dict) error {
	l.mu.Lock()
	if l.opts == nil {
		l.opts = map[string][]wamp.Dict{}
	}
	l.opts[topic] = append(l.opts[topic], opts)
	h := l.handlers[topic]
	n := l.seq[topic]
	l.seq[topic]++
	l.mu.Unlock()
	if h == nil || (l.drop != nil && l.drop(topic, n)) {
		return nil
	}
	l.queue <- func() { h(&wamp.Event{Arguments: args}) }
	return nil
}

func (l *loopback) Subscribe(topic string, fn client.EventHandler, _ wamp.Dict) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.handlers[topic] = fn
	return nil
}

func (l *loopback) Register(proc string, fn client.InvocationHandler, _ wamp.Dict) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.procs[proc] = fn
	return nil
}

func (l *loopback) Call(ctx context.Context, proc string, _ wamp.Dict, args wamp.List, _ wamp.Dict, _ client.ProgressHandler) (*wamp.Result, error) {
	l.mu.Lock()
	fn := l.procs[proc]
	l.mu.Unlock()
	if fn == nil {
		return nil, errors.New("no such procedure")
	}
	r := fn(ctx, &wamp.Invocation{Arguments: args})
	return &wamp.Result{Arguments: r.Args}, nil
}

func TestCounterWait(t *testing.T) {
	c := NewCounter()
	go func() {
		for range 10 {
			c.Handle(nil)
			time.Sleep(time.Millisecond)
		}
	}()
	assert.True(t, c.Wait(context.Background(), 10, time.Second), "all ten arrive")
	assert.Equal(t, int64(10), c.Count())
	start := time.Now()
	assert.False(t, c.Wait(context.Background(), 11, 30*time.Millisecond), "the eleventh never arrives")
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.False(t, c.Wait(ctx, 11, time.Hour), "a cancelled context ends the wait")
}

func TestThroughputCountsEveryEvent(t *testing.T) {
	l := newLoopback(nil)
	res, err := Throughput(context.Background(), l, l, ThroughputConfig{
		Topics: [2]string{"p", "e"}, Payload: []byte("x"), Events: 6000, Window: 64,
	})
	require.NoError(t, err)
	assert.Equal(t, [2]int64{0, 0}, res.Lost)
	assert.Equal(t, [2]int64{0, 0}, res.Stalls)
	assert.Positive(t, res.Plaintext)
	assert.Positive(t, res.E2EE)
	assert.InDelta(t, res.E2EE/res.Plaintext, res.Ratio, 1e-9)
}

func TestThroughputWritesOffDroppedEvents(t *testing.T) {
	// Every 100th measured event of "e" is dropped (event 0 is the warm-up).
	l := newLoopback(func(topic string, n int) bool { return topic == "e" && n > 0 && n%100 == 0 })
	res, err := Throughput(context.Background(), l, l, ThroughputConfig{
		Topics: [2]string{"p", "e"}, Payload: []byte("x"), Events: 1200, Window: 32, Stall: 20 * time.Millisecond,
	})
	require.NoError(t, err)
	assert.Equal(t, int64(0), res.Lost[0])
	assert.Equal(t, int64(12), res.Lost[1], "one lost per 100 events")
	assert.Positive(t, res.Stalls[1])
}

func TestThroughputRejectsTooFewEvents(t *testing.T) {
	l := newLoopback(nil)
	_, err := Throughput(context.Background(), l, l, ThroughputConfig{Topics: [2]string{"p", "e"}, Events: 3})
	require.Error(t, err)
}

func TestLatencySamples(t *testing.T) {
	l := newLoopback(nil)
	res, err := Latency(context.Background(), l, l, LatencyConfig{
		Topics: [2]string{"p", "e"}, Procedures: [2]string{"p.rpc", "e.rpc"}, Payload: []byte("x"), Events: 40,
	})
	require.NoError(t, err)
	for i := range 2 {
		assert.Len(t, res.Events[i], 40)
		assert.Len(t, res.Invocations[i], 10, "one call per 4 events")
		assert.Len(t, res.Results[i], 10)
		assert.IsNonDecreasing(t, res.Events[i])
		assert.Positive(t, Percentile(res.Events[i], 0.5))
	}
	assert.Equal(t, time.Duration(0), Percentile(nil, 0.5))
	assert.Equal(t, 2*time.Second, Added([2][]time.Duration{{time.Second}, {3 * time.Second}}, 0.5))
}

// TestThroughputPerTopicShape: each topic's events carry its own payload
// and a fresh copy of its options; CPU per event is reported.
func TestThroughputPerTopicShape(t *testing.T) {
	l := newLoopback(nil)
	opts := wamp.Dict{"ppt_scheme": "wamp"}
	res, err := Throughput(context.Background(), l, l, ThroughputConfig{
		Topics: [2]string{"a", "b"}, Payload: []byte("one"), Payloads: [2][]byte{nil, []byte("two")},
		Options: [2]wamp.Dict{nil, opts}, Events: 60,
	})
	require.NoError(t, err)
	l.mu.Lock()
	defer l.mu.Unlock()
	require.NotEmpty(t, l.opts["a"])
	for _, o := range l.opts["a"] {
		assert.Nil(t, o)
	}
	require.NotEmpty(t, l.opts["b"])
	for _, o := range l.opts["b"] {
		assert.Equal(t, opts, o)
		o["mutated"] = true // a publisher may keep and change the map it was given
	}
	assert.NotContains(t, opts, "mutated")
	assert.GreaterOrEqual(t, res.CPUPerEvent[0], time.Duration(0))
	assert.GreaterOrEqual(t, res.CPUPerEvent[1], time.Duration(0))
}

// TestLatencyProbe: the probe runs once per iteration and its times are
// returned sorted.
func TestLatencyProbe(t *testing.T) {
	l := newLoopback(nil)
	n := 0
	res, err := Latency(context.Background(), l, l, LatencyConfig{
		Topics: [2]string{"p", "e"}, Payload: []byte("x"), Events: 25, Probe: func() { n++ },
	})
	require.NoError(t, err)
	assert.Equal(t, 25, n)
	assert.Len(t, res.Probe, 25)
	assert.IsNonDecreasing(t, res.Probe)
}

// TestSplit routes one topic to the first session and the rest to the
// second.
func TestSplit(t *testing.T) {
	a, b := newLoopback(nil), newLoopback(nil)
	s := Split{Topic: "x", First: a, Second: b}
	require.NoError(t, s.Subscribe("x", func(*wamp.Event) {}, nil))
	require.NoError(t, s.Subscribe("y", func(*wamp.Event) {}, nil))
	require.NoError(t, s.Publish("x", nil, nil, nil))
	require.NoError(t, s.Publish("y", nil, nil, nil))
	assert.Contains(t, a.handlers, "x")
	assert.NotContains(t, a.handlers, "y")
	assert.Contains(t, b.handlers, "y")
	assert.Len(t, a.opts["x"], 1)
	assert.Len(t, b.opts["y"], 1)
	assert.Empty(t, a.opts["y"])
}
