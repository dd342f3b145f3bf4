package testkit

import "encoding/json"

// Case is one vector file (testdata/vectors/README.md).
type Case struct {
	Suite       string `json:"suite"`
	Description string `json:"description"`
	Expect      string `json:"expect"`

	// certificate
	CertificateJSON    json.RawMessage `json:"certificate_json,omitempty"`
	CertificateCBORHex string          `json:"certificate_cbor_hex,omitempty"`
	// chain
	ChainCBORHex string `json:"chain_cbor_hex,omitempty"`

	Policy *Policy `json:"policy,omitempty"`

	// envelope
	Key          *Key      `json:"key,omitempty"`
	Delivery     *Delivery `json:"delivery,omitempty"`
	MaxPlaintext int       `json:"max_plaintext,omitempty"`

	// key_request, key_response
	Responder *Party `json:"responder,omitempty"`
	Requester *Party `json:"requester,omitempty"`
	Before    []Step `json:"before,omitempty"`

	// The WAMP message under test (envelope, key_request, key_response).
	Step

	// Canonical: the bytes under test are what this implementation's
	// deterministic encoder produces (checked on success).
	Canonical bool    `json:"canonical,omitempty"`
	Result    *Result `json:"result,omitempty"`
}

// Policy is what a receiver checks against.
type Policy struct {
	ChainID  uint64 `json:"chain_id"`
	Registry string `json:"registry"`
	// Realm is the expected realm address; "" in the chain suite: any.
	Realm string `json:"realm,omitempty"`
	Block uint64 `json:"block"`
	// NowMs is the receiver's clock, Unix milliseconds.
	NowMs uint64 `json:"now_ms,omitempty"`
	// Trustroots are the root CA addresses the trust decision accepts (in
	// any realm); a lone delegate certificate is never accepted.
	Trustroots []string `json:"trustroots,omitempty"`
}

// Key is the one payload key an envelope receiver holds.
type Key struct {
	KeyID  string `json:"keyid"`
	KeyHex string `json:"key_hex"`
	// SenderPublicHex is the originator's Ed25519 key, if known.
	SenderPublicHex string `json:"sender_public_hex,omitempty"`
	// Scope restricts what the key opens; absent: nothing.
	Scope *Scope `json:"scope,omitempty"`
	// AcceptedSeqs were accepted before under this key (replay window of
	// 1024).
	AcceptedSeqs []uint64 `json:"accepted_seqs,omitempty"`
}

// Scope is a key's verified scope.
type Scope struct {
	URI   string `json:"uri"`
	Match string `json:"match"`
	Kinds []int  `json:"kinds"`
}

// Delivery is what the receiver knows about the message besides its bytes.
type Delivery struct {
	URI              string `json:"uri"`
	ScopeURI         string `json:"scope_uri,omitempty"`
	CallIDHex        string `json:"call_id_hex,omitempty"`
	Proc             string `json:"proc,omitempty"`
	RequireSignature bool   `json:"require_signature,omitempty"`
	MaxAgeMs         uint64 `json:"max_age_ms,omitempty"`
	// Cipher is the only ppt_cipher the receiver's rule allows (absent:
	// xsalsa20poly1305).
	Cipher string `json:"cipher,omitempty"`
}

// Party is a key-distribution peer's identity.
type Party struct {
	DelegateKeyHex string `json:"delegate_key_hex"`
	SessionSeedHex string `json:"session_seed_hex"`
	ChainCBORHex   string `json:"chain_cbor_hex"`
	Issuer         string `json:"issuer,omitempty"`
}

// Request is the request a requester sent (key_response suite): it is
// rebuilt from the requester's identity, the policy's clock and this nonce.
type Request struct {
	KeyID    string `json:"keyid"`
	URI      string `json:"uri"`
	Role     string `json:"role"`
	NonceHex string `json:"nonce_hex"`
	// The CALL it goes out in.
	Step
}

// Step is one WAMP message: CBOR bytes (hex) or a JSON text.
type Step struct {
	Request    *Request        `json:"request,omitempty"`
	Serializer string          `json:"serializer,omitempty"`
	MessageHex string          `json:"message_hex,omitempty"`
	Message    json.RawMessage `json:"message,omitempty"`
	// ArgumentsKwHex is the ArgumentsKw of the message alone, as CBOR
	// (key-distribution wire-form examples).
	ArgumentsKwHex string `json:"arguments_kw_hex,omitempty"`
}

// Result is what a successful case yields.
type Result struct {
	Digest         string   `json:"digest,omitempty"`
	DigestIfDouble string   `json:"digest_if_parsed_as_double,omitempty"`
	Signer         string   `json:"signer,omitempty"`
	Digests        []string `json:"digests,omitempty"`
	Delegate       string   `json:"delegate,omitempty"`
	Trustroot      string   `json:"trustroot,omitempty"`
	Seq            uint64   `json:"seq,omitempty"`
	Signed         bool     `json:"signed,omitempty"`
	ArgsCBORHex    string   `json:"args_cbor_hex,omitempty"`
	KeyHex         string   `json:"key_hex,omitempty"`
}
