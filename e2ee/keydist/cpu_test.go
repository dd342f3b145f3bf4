package keydist_test

import (
	"syscall"
	"testing"
	"time"
)

// processCPU returns the user+system CPU time of this process. Benchmarks
// report it per op ("cpu-µs/op") because wall time is meaningless on a
// shared, overloaded machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU starts measuring; call the returned function after the loop.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		b.ReportMetric(float64((processCPU()-start).Microseconds())/float64(b.N), "cpu-µs/op")
	}
}
