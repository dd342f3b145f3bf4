package attest

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-tpm/legacy/tpm2"
)

// Request is what a Verifier is asked about: evidence a peer presented for
// Subject in Realm.
type Request struct {
	// Realm is the realm's address.
	Realm common.Address
	// Issuer is the CA that authorized the delegate (from the trust decision).
	Issuer common.Address
	// Subject is what the evidence must be bound to: the peer's verified
	// delegate certificate and the chain id.
	Subject Subject
	// Evidence is the encoded evidence.
	Evidence []byte
	// Digest is Digest(Evidence) when the caller computed it already (a
	// node does when evidence arrives, once per peer); zero: Verify
	// computes it.
	Digest [32]byte
	// At is the time of the request (zero: the Verifier's clock).
	At time.Time
}

// Verdict is a positive verification: what the evidence showed.
type Verdict struct {
	// Measurement is the evidence's measurement.
	Measurement [32]byte
	// AKDigest is the digest of the AK that signed.
	AKDigest [32]byte
	// QuotedAt is the quote time (Unix ms).
	QuotedAt uint64
	// ExpiresAt is when the quote becomes older than the realm allows.
	ExpiresAt time.Time
	// Version is the policy version the verdict was made at.
	Version uint64
}

// Config configures a Verifier.
type Config struct {
	// Policy is the realm's attestation policy. Required.
	Policy PolicySource
	// Now is the clock (nil: time.Now).
	Now func() time.Time
	// CacheSize bounds the verdict cache (0: DefaultCacheSize).
	CacheSize int
}

// DefaultCacheSize is the default number of cached verdicts.
const DefaultCacheSize = 4096

// maxAKs bounds the per-AK reset-count record.
const maxAKs = 65536

// Verifier verifies evidence and caches positive verdicts. It is safe for
// concurrent use.
type Verifier struct {
	policy PolicySource
	now    func() time.Time
	size   int

	mu     sync.Mutex
	cache  map[[32]byte]Verdict
	resets map[[32]byte]uint32 // AK digest → highest TPM reset count seen
}

// NewVerifier returns a Verifier for cfg.
func NewVerifier(cfg Config) *Verifier {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CacheSize <= 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	return &Verifier{policy: cfg.Policy, now: cfg.Now, size: cfg.CacheSize,
		cache: map[[32]byte]Verdict{}, resets: map[[32]byte]uint32{}}
}

// cacheKey binds the evidence digest to everything else the verdict depends
// on but the policy version (stored in the entry).
func cacheKey(r *Request) [32]byte {
	if r.Digest == ([32]byte{}) {
		r.Digest = Digest(r.Evidence)
	}
	var b [8 + 20 + 20 + 20 + 32 + 8 + 32]byte
	binary.BigEndian.PutUint64(b[:], r.Subject.ChainID)
	n := 8
	n += copy(b[n:], r.Realm[:])
	n += copy(b[n:], r.Issuer[:])
	n += copy(b[n:], r.Subject.Delegate[:])
	n += copy(b[n:], r.Subject.CSPubKey[:])
	binary.BigEndian.PutUint64(b[n:], r.Subject.BootedAt)
	copy(b[n+8:], r.Digest[:])
	return sha256.Sum256(b[:])
}

// Verify checks req.Evidence (docs/protocol.md §5.4, in order, failing
// closed) and returns the verdict. A refusal matches one sentinel of this
// package and e2ee.ErrUntrusted; a policy that cannot be read matches
// ErrPolicyUnavailable and e2ee.ErrTrustUnavailable. Positive verdicts are
// cached until the policy version changes or the quote becomes too old.
func (v *Verifier) Verify(ctx context.Context, req Request) (Verdict, error) {
	now := req.At
	if now.IsZero() {
		now = v.now()
	}
	version := v.policy.Version()
	key := cacheKey(&req)
	v.mu.Lock()
	vd, ok := v.cache[key]
	v.mu.Unlock()
	if ok && vd.Version == version && now.Before(vd.ExpiresAt) {
		return vd, nil
	}
	if len(req.Evidence) == 0 {
		return Verdict{}, refuse(ErrEvidenceRequired, "no evidence")
	}
	if req.Digest != Digest(req.Evidence) {
		return Verdict{}, refuse(ErrMalformed, "digest does not match the evidence")
	}
	ev, err := DecodeEvidence(req.Evidence)
	if err != nil {
		return Verdict{}, err
	}
	q, err := checkQuote(ev, req.Subject, now)
	if err != nil {
		return Verdict{}, err
	}
	akDigest := AKDigest(ev.AK)
	v.mu.Lock()
	seen, known := v.resets[akDigest]
	v.mu.Unlock()
	if known && q.reset < seen {
		return Verdict{}, refuse(ErrQuoteBeforeBoot, "TPM reset count %d, a quote from reset %d was seen", q.reset, seen)
	}
	facts, err := v.policy.Attestation(ctx, Query{Realm: req.Realm, Issuer: req.Issuer, Delegate: req.Subject.Delegate, Measurement: q.measurement})
	if err != nil {
		return Verdict{}, refuse(ErrPolicyUnavailable, "%v", err)
	}
	if facts.AKDigest == ([32]byte{}) || facts.AKDigest != akDigest {
		return Verdict{}, refuse(ErrAKNotEnrolled, "AK %x", akDigest[:8])
	}
	switch facts.Measurement {
	case MeasurementAllowed:
	case MeasurementRevoked:
		return Verdict{}, refuse(ErrMeasurementRevoked, "%x", q.measurement[:8])
	default:
		return Verdict{}, refuse(ErrMeasurementNotAllowed, "%x", q.measurement[:8])
	}
	maxAge := facts.MaxAge
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	quoted := time.UnixMilli(int64(ev.QuotedAt))
	expires := quoted.Add(maxAge)
	if !now.Before(expires) {
		return Verdict{}, refuse(ErrQuoteTooOld, "quoted %s ago, the realm allows %s", now.Sub(quoted).Round(time.Second), maxAge)
	}
	vd = Verdict{Measurement: q.measurement, AKDigest: akDigest, QuotedAt: ev.QuotedAt, ExpiresAt: expires, Version: version}
	v.mu.Lock()
	if q.reset > v.resets[akDigest] || !known {
		if len(v.resets) >= maxAKs {
			clear(v.resets)
		}
		v.resets[akDigest] = max(q.reset, v.resets[akDigest])
	}
	if len(v.cache) >= v.size {
		clear(v.cache)
	}
	v.cache[key] = vd
	v.mu.Unlock()
	return vd, nil
}

// Forget drops every cached verdict (e.g. when a measurement was revoked).
// The policy version moving does the same lazily.
func (v *Verifier) Forget() {
	v.mu.Lock()
	clear(v.cache)
	v.mu.Unlock()
}

type quoteFacts struct {
	measurement [32]byte
	reset       uint32
}

// checkQuote runs the checks that need no policy: times, AK, signature,
// qualifying data, PCR digest, clock, event log.
func checkQuote(ev *Evidence, s Subject, now time.Time) (quoteFacts, error) {
	if ev.QuotedAt < s.BootedAt/uint64(time.Millisecond) {
		return quoteFacts{}, refuse(ErrQuoteBeforeBoot, "quoted before the delegate's bootedAt")
	}
	if ev.QuotedAt > uint64(now.Add(MaxClockSkew).UnixMilli()) {
		return quoteFacts{}, refuse(ErrQuoteInFuture, "quoted %d ms ahead", ev.QuotedAt-uint64(now.UnixMilli()))
	}
	pub, err := tpm2.DecodePublic(ev.AK)
	if err != nil {
		return quoteFacts{}, refuse(ErrMalformed, "ak: %v", err)
	}
	if enc, err := pub.Encode(); err != nil || !bytes.Equal(enc, ev.AK) {
		return quoteFacts{}, refuse(ErrMalformed, "ak: not a canonical TPMT_PUBLIC")
	}
	const akAttrs = tpm2.FlagSign | tpm2.FlagRestricted | tpm2.FlagFixedTPM | tpm2.FlagFixedParent | tpm2.FlagSensitiveDataOrigin
	if pub.Attributes&akAttrs != akAttrs || pub.Attributes&tpm2.FlagDecrypt != 0 {
		return quoteFacts{}, refuse(ErrNotAttestationKey, "attributes %#x", uint32(pub.Attributes))
	}
	key, err := pub.Key()
	if err != nil {
		return quoteFacts{}, refuse(ErrMalformed, "ak: %v", err)
	}
	sig, err := tpm2.DecodeSignature(bytes.NewBuffer(ev.Signature))
	if err != nil {
		return quoteFacts{}, refuse(ErrMalformed, "sig: %v", err)
	}
	digest := sha256.Sum256(ev.Quote)
	switch k := key.(type) {
	case *ecdsa.PublicKey:
		if sig.Alg != tpm2.AlgECDSA || sig.ECC == nil || sig.ECC.HashAlg != tpm2.AlgSHA256 || !ecdsa.Verify(k, digest[:], sig.ECC.R, sig.ECC.S) {
			return quoteFacts{}, refuse(ErrSignature, "ECDSA-SHA256")
		}
	case *rsa.PublicKey:
		if sig.Alg != tpm2.AlgRSASSA || sig.RSA == nil || sig.RSA.HashAlg != tpm2.AlgSHA256 || rsa.VerifyPKCS1v15(k, crypto.SHA256, digest[:], sig.RSA.Signature) != nil {
			return quoteFacts{}, refuse(ErrSignature, "RSASSA-SHA256")
		}
	default:
		return quoteFacts{}, refuse(ErrNotAttestationKey, "key type %T", key)
	}
	ad, err := tpm2.DecodeAttestationData(ev.Quote)
	if err != nil {
		return quoteFacts{}, refuse(ErrMalformed, "quote: %v", err)
	}
	if enc, err := ad.Encode(); err != nil || !bytes.Equal(enc, ev.Quote) {
		return quoteFacts{}, refuse(ErrMalformed, "quote: not a canonical TPMS_ATTEST")
	}
	if ad.Type != tpm2.TagAttestQuote || ad.AttestedQuoteInfo == nil {
		return quoteFacts{}, refuse(ErrMalformed, "quote: not a quote")
	}
	qd := QualifyingData(s, ev.QuotedAt)
	if subtle.ConstantTimeCompare(ad.ExtraData, qd[:]) != 1 {
		return quoteFacts{}, refuse(ErrBinding, "qualifying data")
	}
	info := ad.AttestedQuoteInfo
	pcrs := info.PCRSelection.PCRs
	if info.PCRSelection.Hash != tpm2.AlgSHA256 || len(pcrs) != len(ev.PCRs) {
		return quoteFacts{}, refuse(ErrPCRDigest, "selection %v over %d values", pcrs, len(ev.PCRs))
	}
	for i := 1; i < len(pcrs); i++ {
		if pcrs[i] <= pcrs[i-1] {
			return quoteFacts{}, refuse(ErrPCRDigest, "selection not ascending")
		}
	}
	pd := PCRDigest(ev.PCRs)
	if subtle.ConstantTimeCompare(info.PCRDigest, pd[:]) != 1 {
		return quoteFacts{}, refuse(ErrPCRDigest, "digest")
	}
	if ad.ClockInfo.Safe != 1 {
		return quoteFacts{}, refuse(ErrClockUnsafe, "clock info")
	}
	if len(ev.Log) > 0 {
		if err := checkLog(ev.Log, pcrs, ev.PCRs); err != nil {
			return quoteFacts{}, refuse(ErrEventLog, "%v", err)
		}
	}
	return quoteFacts{measurement: Measurement(pcrs, pd[:]), reset: ad.ClockInfo.ResetCount}, nil
}
