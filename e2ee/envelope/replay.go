package envelope

import (
	"fmt"
	"sync"
)

// DefaultReplayWindow is the replay window size used when none is given.
const DefaultReplayWindow = 1024

// MaxSeqJump bounds how far one message may move a window that has accepted
// a sequence number: seq > highest + MaxSeqJump is rejected (ErrReplay).
// Without it a fellow key holder could send seq 2^64−1 and make every later
// message of the key look old. An honest originator rotates long before
// (keyring's default is every 100 000 messages); a receiver that misses more
// than MaxSeqJump messages of one key rejects the rest of that key.
const MaxSeqJump = 1 << 24

// ReplayWindow is the receiver's sliding window over the sequence numbers of
// one payload key (keys belong to one originator, so this is per originator
// and key). It accepts each sequence number at most once, accepts numbers up
// to size-1 below the highest accepted one in any order, and rejects
// everything older. It is safe for concurrent use.
type ReplayWindow struct {
	mu   sync.Mutex
	size uint64
	top  uint64 // highest accepted seq, 0 = none
	bits []uint64
}

// NewReplayWindow returns an empty window of size sequence numbers, rounded
// up to a multiple of 64; size ≤ 0 means DefaultReplayWindow.
func NewReplayWindow(size int) *ReplayWindow {
	if size <= 0 {
		size = DefaultReplayWindow
	}
	words := (size + 63) / 64
	return &ReplayWindow{size: uint64(words) * 64, bits: make([]uint64, words)}
}

// Size returns the window size in sequence numbers.
func (w *ReplayWindow) Size() int { return int(w.size) }

// Check reports, without recording anything, whether seq would be accepted.
// The error wraps ErrReplay.
func (w *ReplayWindow) Check(seq uint64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.check(seq)
}

// Accept records seq if Check would accept it; otherwise it returns the same
// error and records nothing. Call it only after the message is fully
// verified.
func (w *ReplayWindow) Accept(seq uint64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.check(seq); err != nil {
		return err
	}
	if seq > w.top {
		if seq-w.top >= w.size {
			clear(w.bits)
		} else {
			for s := w.top + 1; s < seq; s++ {
				w.bits[(s%w.size)/64] &^= 1 << (s % 64)
			}
		}
		w.top = seq
	}
	w.bits[(seq%w.size)/64] |= 1 << (seq % 64)
	return nil
}

func (w *ReplayWindow) check(seq uint64) error {
	switch {
	case seq == 0:
		return fmt.Errorf("%w: seq 0", ErrReplay)
	case seq > w.top:
		if w.top != 0 && seq-w.top > MaxSeqJump {
			return fmt.Errorf("%w: seq %d jumps more than %d past %d", ErrReplay, seq, uint64(MaxSeqJump), w.top)
		}
		return nil
	case w.top-seq >= w.size:
		return fmt.Errorf("%w: seq %d older than window (highest %d, size %d)", ErrReplay, seq, w.top, w.size)
	case w.bits[(seq%w.size)/64]&(1<<(seq%64)) != 0:
		return fmt.Errorf("%w: seq %d already seen", ErrReplay, seq)
	}
	return nil
}
