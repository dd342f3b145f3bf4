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
