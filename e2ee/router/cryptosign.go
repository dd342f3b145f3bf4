package router

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/gammazero/nexus/v3/router/auth"
	"github.com/gammazero/nexus/v3/wamp"
)

// cryptosignChallengeSize is the size of the random challenge.
const cryptosignChallengeSize = 32

// DefaultCryptosignTimeout bounds the wait for AUTHENTICATE.
const DefaultCryptosignTimeout = 10 * time.Second

// CryptosignRequest is what a client presents in WAMP-cryptosign: its HELLO
// and proof that it holds the private key of PubKey. Everything but PubKey's
// possession is unverified client input.
type CryptosignRequest struct {
	// Realm the client asks to join.
	Realm string
	// AuthID from HELLO; may be empty.
	AuthID string
	// PubKey is HELLO.authextra.pubkey, the client-session Ed25519 key; the
	// client has signed the router's challenge with it.
	PubKey ed25519.PublicKey
	// AuthExtra is HELLO.authextra as received (certificates, trustroot,
	// chain_id, …), for the verifier to parse and check.
	AuthExtra wamp.Dict
}

// CryptosignIdentity is the verifier's decision for an accepted client.
type CryptosignIdentity struct {
	// AuthID and AuthRole go into WELCOME and the session details.
	AuthID   string
	AuthRole string
	// AuthExtra, if not nil, is sent as WELCOME.authextra.
	AuthExtra wamp.Dict
}

// CryptosignVerifier decides whether a client that proved possession of an
// Ed25519 session key may join a realm — e2ee-node checks that the key is the
// csPubKey of a delegate certificate whose chain it trusts. It returns an
// error to refuse; the error text is sent to the client in ABORT, so it must
// not reveal more than the client may know. It may block (chain lookups) and
// must honour ctx.
type CryptosignVerifier interface {
	VerifyCryptosign(ctx context.Context, req CryptosignRequest) (CryptosignIdentity, error)
}

// NewCryptosignAuthenticator returns a nexus authenticator for
// WAMP-cryptosign on realm: it takes the client's key from
// HELLO.authextra.pubkey (64 hex characters), sends a 32-byte random
// challenge, checks the Ed25519 signature in AUTHENTICATE (hex of signature,
// or of signature ‖ challenge as Autobahn sends it), then asks v. Channel
// binding is not supported. A zero timeout means DefaultCryptosignTimeout;
// it bounds both the AUTHENTICATE wait and v.
func NewCryptosignAuthenticator(realm string, v CryptosignVerifier, timeout time.Duration) auth.Authenticator {
	if timeout <= 0 {
		timeout = DefaultCryptosignTimeout
	}
	return &cryptosignAuth{realm: realm, v: v, timeout: timeout}
}

type cryptosignAuth struct {
	realm   string
	v       CryptosignVerifier
	timeout time.Duration
}

// AuthMethod returns "cryptosign".
func (a *cryptosignAuth) AuthMethod() string { return "cryptosign" }

// Authenticate runs the challenge-response exchange; see
// NewCryptosignAuthenticator.
func (a *cryptosignAuth) Authenticate(_ wamp.ID, details wamp.Dict, client wamp.Peer) (*wamp.Welcome, error) {
	extra, _ := wamp.AsDict(details["authextra"])
	pubHex, _ := wamp.AsString(extra["pubkey"])
	pub, err := hex.DecodeString(pubHex)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, errors.New("cryptosign: authextra.pubkey must be 32 bytes in hex")
	}
	authID, _ := wamp.AsString(details["authid"])

	challenge := make([]byte, cryptosignChallengeSize)
	if _, err := rand.Read(challenge); err != nil {
		return nil, fmt.Errorf("cryptosign: generating challenge: %w", err)
	}
	select {
	case client.Send() <- &wamp.Challenge{
		AuthMethod: a.AuthMethod(),
		Extra:      wamp.Dict{"challenge": hex.EncodeToString(challenge), "channel_binding": nil},
	}:
	default:
		return nil, errors.New("cryptosign: client blocked, cannot send challenge")
	}
	msg, err := wamp.RecvTimeout(client, a.timeout)
	if err != nil {
		return nil, fmt.Errorf("cryptosign: waiting for AUTHENTICATE: %w", err)
	}
	authn, ok := msg.(*wamp.Authenticate)
	if !ok {
		return nil, errors.New("cryptosign: expected AUTHENTICATE")
	}
	sig, err := hex.DecodeString(authn.Signature)
	switch {
	case err != nil:
		return nil, errors.New("cryptosign: signature is not hex")
	case len(sig) == ed25519.SignatureSize:
	case len(sig) == ed25519.SignatureSize+cryptosignChallengeSize &&
		subtle.ConstantTimeCompare(sig[ed25519.SignatureSize:], challenge) == 1:
		sig = sig[:ed25519.SignatureSize]
	default:
		return nil, errors.New("cryptosign: malformed signature")
	}
	if !ed25519.Verify(pub, challenge, sig) {
		return nil, errors.New("cryptosign: invalid signature")
	}

	ctx, cancel := context.WithTimeout(context.Background(), a.timeout)
	defer cancel()
	id, err := a.v.VerifyCryptosign(ctx, CryptosignRequest{
		Realm: a.realm, AuthID: authID, PubKey: ed25519.PublicKey(pub), AuthExtra: extra,
	})
	if err != nil {
		return nil, err
	}
	welcome := &wamp.Welcome{Details: wamp.Dict{
		"authid":       id.AuthID,
		"authrole":     id.AuthRole,
		"authmethod":   a.AuthMethod(),
		"authprovider": "e2ee-node",
	}}
	if id.AuthExtra != nil {
		welcome.Details["authextra"] = id.AuthExtra
	}
	return welcome, nil
}
