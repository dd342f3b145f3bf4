package loadgen

import (
	"runtime"
	"time"
)

// LiveHeap returns the live memory of the process — heap objects
// (runtime.MemStats.HeapAlloc after a full collection) plus goroutine stacks
// (StackInuse) — once it has stopped shrinking: sessions and routers closed
// just before release their memory over a second or more (goroutines ending,
// connections draining and their grace timers), and a difference of two
// LiveHeap figures must measure only what was created between them. It
// returns the lowest reading once no reading in the last second was more
// than 0.5 % below it, after at most 10 s.
func LiveHeap() uint64 {
	const poll, window, limit = 50 * time.Millisecond, 20, 200
	low := gcHeap()
	t := time.NewTicker(poll)
	defer t.Stop()
	stable := 0
	for range limit {
		<-t.C
		h := gcHeap()
		if h < low-low/200 {
			stable = 0
		} else if stable++; stable >= window {
			return min(low, h)
		}
		low = min(low, h)
	}
	return low
}

func gcHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

// SessionMemory reads what idle sessions of two kinds hold: add(0, …) opens
// and subscribes a session of the first kind, add(1, …) one of the second.
// One of each, with warm set, is opened before the first reading to take what
// the first session of a process or router initializes once (it should not
// subscribe where the measured ones do); then n of the first kind and n of the
// second. It returns LiveHeap before the first kind, between the kinds and
// after the second (see PerSession), or add's first error.
func SessionMemory(n int, add func(kind int, warm bool) error) ([3]uint64, error) {
	var h [3]uint64
	for kind := range 2 {
		if err := add(kind, true); err != nil {
			return h, err
		}
	}
	h[0] = LiveHeap()
	for kind := range 2 {
		for range n {
			if err := add(kind, false); err != nil {
				return h, err
			}
		}
		h[kind+1] = LiveHeap()
	}
	return h, nil
}

// PerSession is the growth from LiveHeap reading from to reading to per each
// of n sessions, in bytes; negative if the heap shrank.
func PerSession(from, to uint64, n int) float64 {
	return float64(int64(to-from)) / float64(n)
}
