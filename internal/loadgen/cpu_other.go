//go:build !unix

package loadgen

import "time"

// processCPU returns 0: CPU time is measured on unix systems only.
func processCPU() time.Duration { return 0 }
