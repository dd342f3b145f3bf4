package attest

import (
	"testing"
	"time"
)

// FuzzDecodeEvidence: the decoder and the policy-free checks never panic on
// any input, and what decodes re-encodes to a form that decodes the same.
func FuzzDecodeEvidence(f *testing.F) {
	f.Add([]byte{0xa6})
	f.Add([]byte("garbage"))
	s := testSubject()
	now := time.Now()
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DecodeEvidence(b)
		if err != nil {
			return
		}
		enc, err := EncodeEvidence(e)
		if err != nil {
			t.Fatalf("decoded evidence does not encode: %v", err)
		}
		if _, err := DecodeEvidence(enc); err != nil {
			t.Fatalf("re-encoded evidence does not decode: %v", err)
		}
		_, _ = checkQuote(e, s, now)
	})
}
