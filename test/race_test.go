//go:build race

package test

// latencySlack scales the latency targets the tests assert: the race
// detector slows every instrumented step several times over, so under -race
// they check delivery and a looser bound, and scripts/test.sh runs them once
// more without it against the targets themselves.
const latencySlack = 4

// fanSubscribers is the subscriber count of TestRotationReachesAllSubscribers:
// under -race 1,000 sessions take minutes to set up; scripts/test.sh runs
// it once more without -race at 1,000.
const fanSubscribers = 200
