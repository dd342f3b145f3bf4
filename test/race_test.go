//go:build race

package test

// latencySlack scales the latency targets the tests assert: the race
// detector slows every instrumented step several times over, so under -race
// they check delivery and a looser bound, and scripts/test.sh runs them once
// more without it against the targets themselves.
const latencySlack = 4
