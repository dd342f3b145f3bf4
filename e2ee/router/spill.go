package router

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
)

// maxSpill bounds the messages spilled for one client and not yet taken by
// its intake. Intake drains spills at CPU speed whatever the client reads
// (a client that does not read meets the byte budgets instead), so the
// bound is only reached when nexus hands one client more than this many
// messages faster than one goroutine serializes them: e.g. a key RPC
// called by as many subscribers at once after a key rotation. 8,192 spills
// cost at most about 1 MiB besides the messages themselves.
const maxSpill = 8192

// spillWait bounds how long intake waits for the message of a spill
// channel handed out but not yet written to; every sender writes right
// after Send returns, so this only guards against a sender that abandons
// the channel (it then costs one wait, not the connection).
const spillWait = time.Second

// spill holds the one-message channels a netPeer's Send handed out while
// wr was at least half full, oldest first. nexus's dealer and broker send
// with a non-blocking select that picks a ready channel over its default:
// a fresh one-message channel is always ready, so a burst that the intake
// goroutine has not had the CPU to take yet is queued here instead of
// being dropped by nexus. Messages from one sender keep their order: a
// sender handed a spill channel sent its earlier messages to wr or to
// earlier spill channels, and intake empties wr before each spill.
type spill struct {
	mu   sync.Mutex
	q    []chan wamp.Message
	n    atomic.Int32  // len(q), for Send's fast path
	wake chan struct{} // capacity 1: a spill channel was handed out
}

// take returns a new spill channel, or nil when maxSpill channels wait:
// nexus's non-blocking send then drops, as it does on a full wr. Not wr,
// which intake empties before the spills: a message sent there now would
// overtake the spilled ones.
func (s *spill) take(wr chan wamp.Message) chan<- wamp.Message {
	s.mu.Lock()
	if len(s.q) == 0 && len(wr) < cap(wr)/2 {
		s.mu.Unlock()
		return wr
	}
	if len(s.q) >= maxSpill {
		s.mu.Unlock()
		return nil
	}
	c := make(chan wamp.Message, 1)
	s.q = append(s.q, c)
	s.n.Store(int32(len(s.q)))
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return c
}

// first returns the oldest spill channel, or nil.
func (s *spill) first() chan wamp.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.q) == 0 {
		return nil
	}
	return s.q[0]
}

// pop forgets the oldest spill channel.
func (s *spill) pop() {
	s.mu.Lock()
	s.q[0] = nil
	s.q = s.q[1:]
	if len(s.q) == 0 {
		s.q = nil
	}
	s.n.Store(int32(len(s.q)))
	s.mu.Unlock()
}

// await returns c's message; false if none came within spillWait or dead
// was closed.
func (s *spill) await(c chan wamp.Message, dead <-chan struct{}) (wamp.Message, bool) {
	select {
	case msg := <-c:
		return msg, true
	default:
	}
	t := time.NewTimer(spillWait)
	defer t.Stop()
	select {
	case msg := <-c:
		return msg, true
	case <-t.C:
	case <-dead:
	}
	return nil, false
}
