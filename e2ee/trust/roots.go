package trust

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// ParseRootCertificates reads root CA certificates in any wire form: a CBOR
// certificate file, a CBOR chain, one JSON tuple ([typed_data, sig] or
// [hash, typed_data, sig]) or a JSON list of tuples. Every certificate must
// be a self-signed authority certificate carrying ROOT_CA with a valid
// signature; anything else is an error.
func ParseRootCertificates(data []byte) ([]cert.Certificate, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return nil, errors.New("trust: root certificates: empty input")
	}
	var certs []cert.Certificate
	switch {
	case data[0] == '[' && bytes.HasPrefix(bytes.TrimLeft(data[1:], " \t\r\n"), []byte("[")):
		chain, err := cert.ParseChainJSON(data)
		if err != nil {
			return nil, fmt.Errorf("trust: root certificates: %w", err)
		}
		certs = chain
	case data[0] == '[':
		c, err := cert.ParseCertificateJSON(data)
		if err != nil {
			return nil, fmt.Errorf("trust: root certificates: %w", err)
		}
		certs = []cert.Certificate{c}
	default:
		c, err := cert.ParseCertificateCBOR(data)
		if err != nil {
			chain, err2 := cert.ParseChainCBOR(data)
			if err2 != nil {
				return nil, fmt.Errorf("trust: root certificates: not a CBOR certificate (%v) nor a CBOR chain (%v)", err, err2)
			}
			certs = chain
		} else {
			certs = []cert.Certificate{c}
		}
	}
	for i := range certs {
		c := &certs[i]
		switch {
		case c.Authority == nil:
			return nil, fmt.Errorf("trust: root certificate %d: not an authority certificate", i)
		case c.Authority.Issuer != c.Authority.Subject:
			return nil, fmt.Errorf("trust: root certificate %d: not self-signed (issuer %s, subject %s)", i, c.Authority.Issuer.Hex(), c.Authority.Subject.Hex())
		case c.Authority.Capabilities&cert.CapRootCA == 0:
			return nil, fmt.Errorf("trust: root certificate %d: lacks ROOT_CA", i)
		}
		if err := c.Verify(); err != nil {
			return nil, fmt.Errorf("trust: root certificate %d: %w", i, err)
		}
	}
	return certs, nil
}

// LoadRootCertificates reads ParseRootCertificates input from a file of at
// most cert.MaxChainSize bytes.
func LoadRootCertificates(path string) ([]cert.Certificate, error) {
	f, err := safefile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("trust: load root certificates: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, cert.MaxChainSize+1))
	if err != nil {
		return nil, fmt.Errorf("trust: load root certificates: %w", err)
	}
	if len(data) > cert.MaxChainSize {
		return nil, fmt.Errorf("trust: load root certificates %s: larger than %d bytes", path, cert.MaxChainSize)
	}
	certs, err := ParseRootCertificates(data)
	if err != nil {
		return nil, fmt.Errorf("%w (file %s)", err, path)
	}
	return certs, nil
}
