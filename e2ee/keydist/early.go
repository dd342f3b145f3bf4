package keydist

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// EarlyChain is the responder's chain sent ahead of its key response
// (docs/protocol.md §3.9): a progressive RESULT of the key RPC call, sent
// once the request is authenticated and before the responder's trust
// decision, so that the requester can start its own decision about the
// responder while the responder decides about it. It is advisory and
// unauthenticated as the responder's: a requester uses it only to prepare
// (prefetch) a decision, and checks the final response exactly as it
// would without it.
type EarlyChain struct {
	// KeyID is the key id of the request it precedes the answer to.
	KeyID string
	// Chain is the responder's certificate chain, CBOR as in a response.
	Chain []byte
	// Issuer is the responder's issuer hint (a lone delegate certificate
	// only), as in a response.
	Issuer common.Address
}

// Validate checks that e is well-formed and bounded: key id, the chain's
// array header and the issuer hint. It does not parse the certificates.
func (e *EarlyChain) Validate() error {
	if !envelope.ValidKeyID(e.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	return checkChain(e.Chain, e.Issuer)
}

// maxEarlyChainEntries bounds the wire map of an EarlyChain.
const maxEarlyChainEntries = 4

// EncodeEarlyChain returns the wire map of e (the ArgumentsKw of the
// progressive RESULT): "v", "keyid", "certificates" and, when set,
// "issuer". It fails if e does not pass Validate.
func EncodeEarlyChain(e *EarlyChain) (map[string]any, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	m := map[string]any{
		kwVersion: uint64(Version),
		kwKeyID:   e.KeyID,
		kwCerts:   e.Chain,
	}
	if e.Issuer != (common.Address{}) {
		m[kwIssuer] = e.Issuer.Bytes()
	}
	return m, nil
}

// DecodeEarlyChain parses the wire map of an EarlyChain strictly (see
// DecodeRequest). It never panics; errors match ErrMalformed.
func DecodeEarlyChain(kw map[string]any) (*EarlyChain, error) {
	if len(kw) > maxEarlyChainEntries {
		return nil, failf("decode", ErrMalformed, "too many keys")
	}
	w, err := newWireReader(kw)
	if err != nil {
		return nil, err
	}
	e := &EarlyChain{
		KeyID:  w.str(kwKeyID, 64),
		Issuer: w.optAddress(kwIssuer),
	}
	if w.err == nil {
		e.Chain = w.chain(kwCerts)
	}
	if err := w.finish(); err != nil {
		return nil, err
	}
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return e, nil
}

// EarlyChain returns this responder's early chain for req (its own chain
// and issuer hint), to send before deciding about req.
func (r *Responder) EarlyChain(req *KeyRequest) *EarlyChain {
	return &EarlyChain{KeyID: req.KeyID, Chain: r.own.wire, Issuer: r.cfg.Identity.Issuer}
}
