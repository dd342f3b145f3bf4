package trust_test

import (
	"testing"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
)

// FuzzParseRootCertificates: no panic; whatever is accepted is a valid,
// self-signed root.
func FuzzParseRootCertificates(f *testing.F) {
	f.Add([]byte(`[]`))
	f.Add([]byte{0x83, 0x40, 0xa0, 0x80})
	f.Fuzz(func(t *testing.T, data []byte) {
		certs, err := trust.ParseRootCertificates(data)
		if err != nil {
			return
		}
		for _, c := range certs {
			if c.Authority == nil || c.Authority.Issuer != c.Authority.Subject || c.Authority.Capabilities&cert.CapRootCA == 0 || c.Verify() != nil {
				t.Fatalf("invalid root accepted")
			}
		}
	})
}
