package attest

import (
	"context"
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
