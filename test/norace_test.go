//go:build !race

package test

// latencySlack: without the race detector the tests assert the targets.
const latencySlack = 1
