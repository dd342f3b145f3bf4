//go:build !race

package test

// latencySlack: without the race detector the tests assert the targets.
const latencySlack = 1

// fanSubscribers is the subscriber count of TestRotationReachesAllSubscribers.
const fanSubscribers = 1000
