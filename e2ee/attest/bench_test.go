package attest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"testing"
)

// BenchmarkVerify: evidence verification cold (decode, AK, ECDSA-P256
// signature, qualifying data, PCR digest, event log, policy read) and from
// the verdict cache (digest of the evidence and subject, one map lookup).
func BenchmarkVerify(b *testing.B) {
	tpm := openSim(b, "approved")
	s := testSubject()
	p := enrolled(b, tpm, s)
	ev, err := tpm.Evidence(s)
	if err != nil {
		b.Fatal(err)
	}
	req := Request{Realm: testRealm, Subject: s, Evidence: ev}
	// The floor of a cold verification, same run: the one ECDSA-P256
	// verification it must make (over the quote, under the AK).
	b.Run("ecdsa-floor", func(b *testing.B) {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			b.Fatal(err)
		}
		d := sha256.Sum256(ev)
		sig, err := ecdsa.SignASN1(rand.Reader, key, d[:])
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if !ecdsa.VerifyASN1(&key.PublicKey, d[:], sig) {
				b.Fatal("verify")
			}
		}
	})
	// The floor of a cache hit, same run: SHA-256 of the evidence.
	b.Run("sha256-floor", func(b *testing.B) {
		for b.Loop() {
			_ = sha256.Sum256(ev)
		}
	})
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v := NewVerifier(Config{Policy: p})
			if _, err := v.Verify(context.Background(), req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached-digest", func(b *testing.B) {
		v := NewVerifier(Config{Policy: p})
		req := req
		req.Digest = Digest(ev)
		if _, err := v.Verify(context.Background(), req); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.Verify(context.Background(), req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		v := NewVerifier(Config{Policy: p})
		if _, err := v.Verify(context.Background(), req); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := v.Verify(context.Background(), req); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(len(ev)), "evidence-bytes")
}
