package router

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/require"
)

// recFramer records written frames; reads block until close.
type recFramer struct {
	mu     sync.Mutex
	frames [][]byte
	closed chan struct{}
	once   sync.Once
}

func (f *recFramer) readFrame() ([]byte, error) {
	<-f.closed
	return nil, errors.New("closed")
}

func (f *recFramer) writeFrame(b []byte, _ time.Time) error {
	f.mu.Lock()
	f.frames = append(f.frames, b)
	f.mu.Unlock()
	return nil
}

func (f *recFramer) close() { f.once.Do(func() { close(f.closed) }) }

func (f *recFramer) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.frames)
}

// TestSendNeverFullInBurst: nexus hands messages to a peer with a
// non-blocking send and drops what does not fit. A burst far beyond the
// peer's queue — N subscribers calling one key RPC after a rotation —
// arriving before the peer's intake goroutine ran must all be written, in
// order. Before spilling, every send after OutQueueSize was dropped.
func TestSendNeverFullInBurst(t *testing.T) {
	cfg, err := Config{Realms: []RealmConfig{{Name: "realm1"}}}.withDefaults()
	require.NoError(t, err)
	r := &Router{cfg: cfg, budget: &budget{limit: int64(cfg.QueueBytes)}}
	f := &recFramer{closed: make(chan struct{})}
	p := r.newNetPeer(f, serMsgpack)
	defer p.kill()

	const burst = 1000
	require.Greater(t, burst, 10*cfg.OutQueueSize)
	for i := range burst {
		select { // what nexus's dealer does (router/dealer.go trySend)
		case p.Send() <- &wamp.Invocation{Request: wamp.ID(i + 1), Registration: 1, Details: wamp.Dict{}}:
		default:
			t.Fatalf("message %d of %d dropped: the peer's channel was full", i+1, burst)
		}
	}
	p.start() // intake runs only now: the burst came before it had the CPU
	require.Eventually(t, func() bool { return f.count() == burst }, 5*time.Second, time.Millisecond)
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, b := range f.frames {
		msg, err := p.ser.Deserialize(b)
		require.NoError(t, err)
		require.Equal(t, wamp.ID(i+1), msg.(*wamp.Invocation).Request, "frame %d out of order", i)
	}
}

// TestSpillBounded: past maxSpill waiting messages Send returns a channel
// that is never ready (nexus drops), so a peer whose intake never runs
// costs bounded memory.
func TestSpillBounded(t *testing.T) {
	cfg, err := Config{Realms: []RealmConfig{{Name: "realm1"}}}.withDefaults()
	require.NoError(t, err)
	r := &Router{cfg: cfg, budget: &budget{limit: int64(cfg.QueueBytes)}}
	p := r.newNetPeer(&recFramer{closed: make(chan struct{})}, serMsgpack)
	sent := 0
	for range cfg.OutQueueSize + maxSpill + 10 {
		select {
		case p.Send() <- &wamp.Event{Subscription: 1, Publication: 1, Details: wamp.Dict{}}:
			sent++
		default:
		}
	}
	require.Equal(t, cfg.OutQueueSize/2+maxSpill, sent)
}

// TestSpillOrderAtBound: once maxSpill messages wait, what nexus sends
// next is dropped, never queued in wr ahead of the spilled messages (intake
// takes wr first): whatever is written is in the order it was sent.
func TestSpillOrderAtBound(t *testing.T) {
	cfg, err := Config{Realms: []RealmConfig{{Name: "realm1"}}}.withDefaults()
	require.NoError(t, err)
	r := &Router{cfg: cfg, budget: &budget{limit: int64(cfg.QueueBytes)}}
	f := &recFramer{closed: make(chan struct{})}
	p := r.newNetPeer(f, serMsgpack)
	defer p.kill()
	sent := 0
	for i := range cfg.OutQueueSize + maxSpill + 10 {
		select {
		case p.Send() <- &wamp.Invocation{Request: wamp.ID(i + 1), Registration: 1, Details: wamp.Dict{}}:
			sent++
		default:
		}
	}
	p.start()
	require.Eventually(t, func() bool { return f.count() == sent }, 10*time.Second, time.Millisecond)
	f.mu.Lock()
	defer f.mu.Unlock()
	last := wamp.ID(0)
	for i, b := range f.frames {
		msg, err := p.ser.Deserialize(b)
		require.NoError(t, err)
		id := msg.(*wamp.Invocation).Request
		require.Greater(t, id, last, "frame %d out of order", i)
		last = id
	}
}
