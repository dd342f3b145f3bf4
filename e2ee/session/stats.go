package session

import (
	"maps"
	"sort"
	"sync"
	"sync/atomic"
)

// Rejection reasons counted in Stats.Rejected besides the envelope error URIs
// (envelope.ErrorURI values such as "wamp.e2ee.error.bad_mac").
const (
	// ReasonPlaintext: a plaintext message arrived on a URI whose rule
	// requires encryption (or as the result of an encrypted call).
	ReasonPlaintext = "plaintext_on_encrypted_uri"
	// ReasonUnknownDelivery: a PPT message for a subscription, registration
	// or call this session does not know.
	ReasonUnknownDelivery = "unknown_delivery"
	// ReasonBadDetails: a pattern delivery whose details.topic /
	// details.procedure is missing, not a string or outside the pattern.
	ReasonBadDetails = "bad_details"
	// ReasonKeyRPC: a PPT message on a key-RPC URI (key distribution is
	// always plaintext).
	ReasonKeyRPC = "ppt_on_key_rpc"
	// ReasonKeyFetch: the key could not be fetched or verified.
	ReasonKeyFetch = "key_fetch_failed"
	// ReasonBufferOverflow: the message waited for a key but the buffer was
	// full.
	ReasonBufferOverflow = "buffer_overflow"
	// ReasonBufferTimeout: the key did not arrive in time.
	ReasonBufferTimeout = "buffer_timeout"
	// ReasonSealFailed: an outgoing message could not be sealed (it is not
	// sent; nexus's caller sees a timeout or the error reply).
	ReasonSealFailed = "seal_failed"
	// ReasonUnknownInvocation: the application answered (YIELD or ERROR)
	// an invocation this session does not track; the answer is dropped,
	// never sent in plaintext.
	ReasonUnknownInvocation = "unknown_invocation"
	// ReasonDuplicateRequest: an INVOCATION reused the request id of one
	// still in progress; it is dropped without an answer.
	ReasonDuplicateRequest = "duplicate_request"
	// ReasonPlaintextArgs: a plaintext ERROR (a router error) ending an
	// encrypted call carried arguments; they were stripped.
	ReasonPlaintextArgs = "plaintext_error_args_stripped"
	// ReasonWrongProgress: a RESULT of an encrypted call whose sealed
	// chunk index or progress flag does not match (a dropped, reordered or
	// replayed chunk, or details.progress altered by the router).
	ReasonWrongProgress = "wrong_progress"
	// ReasonProgressiveCall: the application made a progressive CALL
	// (options.progress) on an encrypted URI, which is not supported.
	ReasonProgressiveCall = "progressive_call_unsupported"
)

// Stats is a snapshot of a session's counters.
type Stats struct {
	// Encrypted and Decrypted count sealed outgoing and opened incoming
	// messages.
	Encrypted, Decrypted uint64
	// Plain counts application messages that passed through unencrypted
	// by rule (not the key-RPC traffic, plaintext by design).
	Plain uint64
	// Rejected counts dropped incoming (and unsealable outgoing) messages
	// per reason (envelope error URIs and the Reason* constants).
	Rejected map[string]uint64
	// KeyRequestsServed counts key responses sent; KeyRequestsDenied counts
	// key requests refused, per keydist error URI in KeyDenials.
	KeyRequestsServed, KeyRequestsDenied uint64
	KeyDenials                           map[string]uint64
	// KeyFetches counts key requests this session sent; KeyFetchFailures
	// those that did not yield a verified key; CacheHits incoming messages
	// whose key was cached.
	KeyFetches, KeyFetchFailures, CacheHits uint64
	// ResumedKeyFetches counts key requests sent MAC-authenticated to a
	// responder known from a signed exchange; ResumeFallbacks those the
	// originator answered with unknown_peer, after which a signed request
	// was sent; ResumedKeyRequestsServed counts served resumed requests.
	ResumedKeyFetches, ResumeFallbacks, ResumedKeyRequestsServed uint64
	// EarlyChainsSent counts early chains this session's key RPCs sent
	// ahead of their decision (docs/protocol.md §3.9); EarlyChainsUsed
	// those received from a responder whose trust decision this session
	// then started before the response; EarlyChainsRejected those
	// received malformed, for another key id, or with a chain that does
	// not verify (ignored: the response is checked as always).
	EarlyChainsSent, EarlyChainsUsed, EarlyChainsRejected uint64
	// KeyPushesSent counts keys this session pushed to readers after a
	// rotation, KeyPushesSkipped readers it did not push to (no longer
	// known or admitted, revoked, or past the per-rotation cap: they
	// fetch); KeyPushesAccepted the pushes this session cached a key from,
	// KeyPushesRejected those it refused (KeyPushRejections by reason:
	// bad_mac, replay, stale, unknown_peer, role, wrong_domain, untrusted,
	// malformed, not_ours, expired, scope, box_open, …); none of them
	// loses anything: the key is fetched instead (docs/protocol.md §3.10).
	KeyPushesSent, KeyPushesSkipped, KeyPushesAccepted, KeyPushesRejected uint64
	KeyPushRejections                                                     map[string]uint64
	// Buffered counts messages that waited for a key; Dropped those dropped
	// on buffer overflow, timeout or fetch failure.
	Buffered, Dropped uint64
	// KeyRPCRetries counts key-RPC registrations that found the URI taken
	// and moved to a new locator; Reconnects counts reconnections.
	KeyRPCRetries, Reconnects uint64
}

// TotalRejected returns the sum of Rejected.
func (s Stats) TotalRejected() uint64 {
	var n uint64
	for _, v := range s.Rejected {
		n += v
	}
	return n
}

// Reasons returns the rejection reasons with a non-zero count, sorted.
func (s Stats) Reasons() []string {
	out := make([]string, 0, len(s.Rejected))
	for k := range s.Rejected {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type counters struct {
	encrypted, decrypted, plain             atomic.Uint64
	served, denied                          atomic.Uint64
	fetches, fetchFailures, cacheHits       atomic.Uint64
	buffered, dropped, rpcRetries, reconnec atomic.Uint64
	resumedFetches, resumeFallbacks         atomic.Uint64
	resumedServed                           atomic.Uint64
	earlyChainsSent, earlyChainsUsed        atomic.Uint64
	earlyChainsRejected                     atomic.Uint64
	pushesSent, pushesSkipped               atomic.Uint64
	pushesAccepted, pushesRejected          atomic.Uint64

	mu       sync.Mutex
	rejected map[string]uint64
	denials  map[string]uint64
	pushRej  map[string]uint64
}

func (c *counters) rejectPush(uri string) {
	c.pushesRejected.Add(1)
	c.mu.Lock()
	if c.pushRej == nil {
		c.pushRej = map[string]uint64{}
	}
	c.pushRej[uri]++
	c.mu.Unlock()
}

func (c *counters) reject(reason string) {
	c.mu.Lock()
	if c.rejected == nil {
		c.rejected = map[string]uint64{}
	}
	c.rejected[reason]++
	c.mu.Unlock()
}

func (c *counters) deny(uri string) {
	c.denied.Add(1)
	c.mu.Lock()
	if c.denials == nil {
		c.denials = map[string]uint64{}
	}
	c.denials[uri]++
	c.mu.Unlock()
}

func (c *counters) snapshot() Stats {
	s := Stats{
		Encrypted: c.encrypted.Load(), Decrypted: c.decrypted.Load(), Plain: c.plain.Load(),
		KeyRequestsServed: c.served.Load(), KeyRequestsDenied: c.denied.Load(),
		KeyFetches: c.fetches.Load(), KeyFetchFailures: c.fetchFailures.Load(), CacheHits: c.cacheHits.Load(),
		Buffered: c.buffered.Load(), Dropped: c.dropped.Load(),
		KeyRPCRetries: c.rpcRetries.Load(), Reconnects: c.reconnec.Load(),
		ResumedKeyFetches: c.resumedFetches.Load(), ResumeFallbacks: c.resumeFallbacks.Load(),
		ResumedKeyRequestsServed: c.resumedServed.Load(),
		EarlyChainsSent:          c.earlyChainsSent.Load(), EarlyChainsUsed: c.earlyChainsUsed.Load(),
		EarlyChainsRejected: c.earlyChainsRejected.Load(),
		KeyPushesSent:       c.pushesSent.Load(), KeyPushesSkipped: c.pushesSkipped.Load(),
		KeyPushesAccepted: c.pushesAccepted.Load(), KeyPushesRejected: c.pushesRejected.Load(),
		Rejected: map[string]uint64{}, KeyDenials: map[string]uint64{}, KeyPushRejections: map[string]uint64{},
	}
	c.mu.Lock()
	maps.Copy(s.Rejected, c.rejected)
	maps.Copy(s.KeyDenials, c.denials)
	maps.Copy(s.KeyPushRejections, c.pushRej)
	c.mu.Unlock()
	return s
}
