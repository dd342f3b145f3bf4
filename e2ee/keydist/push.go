package keydist

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"io"
	"math"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/crypto/nacl/box"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/internal/eip712"
)

// Key push (docs/protocol.md §3.10). After a rotation an originator may
// send the new key to the readers it answered before, unasked, so that
// they need not all call its key RPC at once. A push is authenticated like
// a resumed response — boxed to the reader's CS key, MACed under a key
// derived from the two CS keys' nacl/box shared key — but under its own
// label and EIP712 type, so that no push can pass for a request or a
// response and no response for a push. It carries no certificates: the
// reader accepts a push only from the CS key and chain a signed exchange
// with the key id's key RPC left it (resumption state), asks its trust
// decision about that chain as for a response, and caches the key as if
// fetched. A push that is lost costs nothing: the reader fetches the key.

// PushMACLabel derives the push MAC key: HMAC-SHA256(shared, PushMACLabel).
const PushMACLabel = "WAMP-E2EE KeyPush MAC v1"

// KeyPushTypeString is the EIP712 type of a KeyPush; its digest is MACed,
// never signed. certificates are the originator's certificate digests (as
// the reader verified them: not sent); role is the originator's role.
const KeyPushTypeString = "KeyPush(address realm,string keyId,string uriScope,string match,string role,bytes32 readerCsPubKey,bytes32 csPubKey,bytes32[] certificates,bytes24 boxNonce,bytes32 boxHash,uint64 expiresAt,uint64 issuedAt)"

const pushTypeHashHex = "bd5a5d98bf33693703bd4eac922e49fbb2ff88dc4c9f7d46fdfb97f3890bb179"

// KeyPushTypeHash returns keccak256(KeyPushTypeString).
func KeyPushTypeHash() common.Hash { return crypto.Keccak256Hash([]byte(KeyPushTypeString)) }

// Wire keys of a push besides those of a response.
const (
	kwReaderPubKey = "reader_pubkey"
	maxPushEntries = 15
)

// KeyPush is a payload key an originator sends unasked to a reader it
// answered before (the wire form is the ArgumentsKw of an EVENT on the
// reader's push topic, PushTopic).
type KeyPush struct {
	// ChainID, Registry and Realm are as in KeyRequest.
	ChainID  uint64
	Registry common.Address
	Realm    common.Address
	// KeyID names the pushed key.
	KeyID string
	// Scope is the key's scope: an exact URI (a push covers what the
	// reader's trust decision is asked about, nothing wider).
	Scope Scope
	// Role is the originator's role (publisher, caller or callee): the key
	// opens the messages of that role.
	Role e2ee.Role
	// ReaderCSPubKey is the reader's CS key, CSPubKey the originator's.
	ReaderCSPubKey [32]byte
	CSPubKey       [32]byte
	// BoxNonce and Box are the nacl/box of the key (originator → reader).
	BoxNonce [BoxNonceSize]byte
	Box      [BoxSize]byte
	// ExpiresAt is the key's expiry and IssuedAt when the push was made,
	// unix milliseconds.
	ExpiresAt uint64
	IssuedAt  uint64
	// MAC is PushMAC over the push's digest.
	MAC [MACSize]byte
}

// Validate checks the fields that need no key: key id, an exact scope, a
// responder role, a non-zero expiry and issue time.
func (p *KeyPush) Validate() error {
	if !envelope.ValidKeyID(p.KeyID) {
		return failf("decode", ErrMalformed, "bad key id")
	}
	if p.Scope.Match != e2ee.MatchExact || !validURI(p.Scope.URI, false) {
		return failf("decode", ErrScope, "push scope is not one exact URI")
	}
	if !ValidResponderRole(p.Role) {
		return failf("decode", ErrRole, "role may not push keys")
	}
	if p.ExpiresAt == 0 || p.IssuedAt == 0 {
		return failf("decode", ErrMalformed, "no expiry or issue time")
	}
	return nil
}

// PushMAC returns the MAC of a push with digest digest:
// HMAC-SHA256(HMAC-SHA256(shared, PushMACLabel), digest).
func PushMAC(shared *[32]byte, digest common.Hash) (mac [MACSize]byte) {
	k := macKey(shared, PushMACLabel)
	m := hmac.New(sha256.New, k)
	m.Write(digest[:])
	m.Sum(mac[:0])
	clear(k)
	return mac
}

// BoxHash returns keccak256 of the box.
func (p *KeyPush) BoxHash() common.Hash { return crypto.Keccak256Hash(p.Box[:]) }

func (p *KeyPush) structHash(s *scratch, chainHash common.Hash) common.Hash {
	buf := s.buf[:13*32]
	clear(buf)
	th := constHash(pushTypeHashHex)
	copy(buf[0:], th[:])
	eip712.PutAddress(buf[32:64], p.Realm)
	s.PutString(buf[64:96], p.KeyID)
	s.PutString(buf[96:128], p.Scope.URI)
	s.PutString(buf[128:160], string(p.Scope.Match))
	s.PutString(buf[160:192], string(p.Role))
	copy(buf[192:224], p.ReaderCSPubKey[:])
	copy(buf[224:256], p.CSPubKey[:])
	copy(buf[256:288], chainHash[:])
	copy(buf[288:312], p.BoxNonce[:])
	bh := s.Sum(p.Box[:])
	copy(buf[320:352], bh[:])
	eip712.PutUint64(buf[352:384], p.ExpiresAt)
	eip712.PutUint64(buf[384:416], p.IssuedAt)
	return s.Sum(buf)
}

// Digest returns the EIP712 digest the MAC covers, given the originator's
// certificate digests.
func (p *KeyPush) Digest(certificates []common.Hash) common.Hash {
	s := newScratch()
	return s.Digest(DomainSeparator(p.ChainID, p.Registry), p.structHash(s, s.digestsHash(certificates)))
}

func (p *KeyPush) digest(s *scratch, domain, chainHash common.Hash) common.Hash {
	return s.Digest(domain, p.structHash(s, chainHash))
}

// PushTopic returns the topic a reader with CS key cs subscribes to for
// pushes: prefix + ".push." + 64 lowercase hex digits of cs (an empty
// prefix means envelope.DefaultKeyRPCPrefix).
func PushTopic(prefix string, cs [32]byte) string {
	if prefix == "" {
		prefix = envelope.DefaultKeyRPCPrefix
	}
	const hexdigits = "0123456789abcdef"
	b := make([]byte, 0, len(prefix)+6+64)
	b = append(b, prefix...)
	b = append(b, ".push."...)
	for _, c := range cs {
		b = append(b, hexdigits[c>>4], hexdigits[c&0xf])
	}
	return string(b)
}

// EncodePush returns the wire map of p (see EncodeRequest).
func EncodePush(p *KeyPush) (map[string]any, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return map[string]any{
		kwVersion:      uint64(Version),
		kwChainID:      p.ChainID,
		kwRegistry:     p.Registry.Bytes(),
		kwRealm:        p.Realm.Bytes(),
		kwKeyID:        p.KeyID,
		kwScope:        p.Scope.URI,
		kwMatch:        string(p.Scope.Match),
		kwPeerType:     string(p.Role),
		kwReaderPubKey: append([]byte(nil), p.ReaderCSPubKey[:]...),
		kwPubKey:       append([]byte(nil), p.CSPubKey[:]...),
		kwNonce:        append([]byte(nil), p.BoxNonce[:]...),
		kwSecret:       append([]byte(nil), p.Box[:]...),
		kwExpires:      p.ExpiresAt,
		kwIssued:       p.IssuedAt,
		kwMAC:          append([]byte(nil), p.MAC[:]...),
	}, nil
}

// DecodePush parses the wire map of a push strictly (every field present
// and typed, nothing unknown; see DecodeRequest) and validates it. It never
// panics on any input.
func DecodePush(kw map[string]any) (*KeyPush, error) {
	if len(kw) > maxPushEntries {
		return nil, failf("decode", ErrMalformed, "too many keys")
	}
	w, err := newWireReader(kw)
	if err != nil {
		return nil, err
	}
	p := &KeyPush{
		ChainID:   w.uint(kwChainID, math.MaxUint64),
		Registry:  w.address(kwRegistry),
		Realm:     w.address(kwRealm),
		KeyID:     w.str(kwKeyID, 64),
		Scope:     Scope{URI: w.str(kwScope, MaxURILength), Match: e2ee.Match(w.str(kwMatch, 16))},
		Role:      e2ee.Role(w.str(kwPeerType, 16)),
		ExpiresAt: w.uint(kwExpires, math.MaxInt64),
		IssuedAt:  w.uint(kwIssued, math.MaxInt64),
	}
	w.fixed(kwReaderPubKey, p.ReaderCSPubKey[:])
	w.fixed(kwPubKey, p.CSPubKey[:])
	w.fixed(kwNonce, p.BoxNonce[:])
	w.fixed(kwSecret, p.Box[:])
	w.fixed(kwMAC, p.MAC[:])
	if err := w.finish(); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// Reader is a requester a Responder admitted (VerifiedRequest.Reader), kept
// by the originator to push it the next key of the same scope and role.
type Reader struct {
	// CSPubKey is the reader's CS key; Chain its verified chain and
	// Issuer its issuer hint, as in its request.
	CSPubKey [32]byte
	Chain    *cert.VerifiedChain
	Issuer   common.Address
	// Realm, URI and Role are those of its request.
	Realm common.Address
	URI   string
	Role  e2ee.Role
	// ChainHash identifies Chain (keccak256 of its certificate digests).
	ChainHash common.Hash
}

// Reader returns the requester of vr, for Push.
func (vr *VerifiedRequest) Reader() *Reader {
	req := vr.Request
	return &Reader{CSPubKey: req.CSPubKey, Chain: vr.Chain, Issuer: req.Issuer, Realm: req.Realm,
		URI: req.URI, Role: req.Role, ChainHash: vr.chainHash}
}

// Push builds a push of key (id keyID, valid until expires) to rd, who was
// answered a key of the same scope and role before. It checks, failing
// closed: the responder resumes (not SignedOnly) and still knows rd's CS
// key and chain (else ErrUnknownPeer: rd would not know us either); rd's
// URI is scope (exact); expires is in the future; the trust decision
// (asked every time; a caching decider answers from its cache) admits rd
// in its role for its URI; the attestation policy, if the realm requires
// one, still accepts rd's remembered evidence. Then it boxes the key to
// rd's CS key and MACs the push (PushMAC).
func (r *Responder) Push(ctx context.Context, rd *Reader, keyID string, key *[KeySize]byte, scope Scope, expires time.Time) (*KeyPush, error) {
	if rd == nil || rd.Chain == nil {
		return nil, failf("push", ErrMalformed, "no reader")
	}
	if r.cfg.SignedOnly {
		return nil, failf("push", ErrUnknownPeer, "this responder does not resume")
	}
	peer := knownPeer{cs: rd.CSPubKey, chainHash: rd.ChainHash}
	if _, ok := r.known.get(peer); !ok {
		return nil, failf("push", ErrUnknownPeer, "reader no longer known")
	}
	if scope.Match != e2ee.MatchExact || scope.URI != rd.URI {
		return nil, failf("push", ErrScope, "push scope is not the reader's URI")
	}
	p := &r.cfg.Policy
	now := p.now()
	if !expires.After(now) {
		return nil, failf("push", ErrExpired, "expiry not in the future")
	}
	dec, err := p.decide(ctx, rd.Chain, rd.Realm, rd.URI, rd.Role, rd.Issuer, now)
	if err != nil {
		return nil, err
	}
	if r.att != nil {
		if err := r.att.check(ctx, p.ChainID, rd.Realm, dec.Issuer, rd.Chain, peer, nil, now); err != nil {
			return nil, err
		}
	}
	shared, err := sharedKey(r.boxes, r.boxKey, rd.CSPubKey)
	if err != nil {
		return nil, err
	}
	push := &KeyPush{
		ChainID:        p.ChainID,
		Registry:       p.Registry,
		Realm:          rd.Realm,
		KeyID:          keyID,
		Scope:          scope,
		Role:           CounterpartRole(rd.Role),
		ReaderCSPubKey: rd.CSPubKey,
		CSPubKey:       r.csPub,
		ExpiresAt:      uint64(expires.UnixMilli()), //nolint:gosec // after now
		IssuedAt:       uint64(now.UnixMilli()),     //nolint:gosec // after 1970
	}
	if err := push.Validate(); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(r.cfg.Rand, push.BoxNonce[:]); err != nil {
		return nil, fail("push", ErrMalformed, err)
	}
	box.SealAfterPrecomputation(push.Box[:0], key[:], &push.BoxNonce, shared)
	sc := r.pool.Get().(*scratch)
	digest := push.digest(sc, r.domain, r.own.chainHash)
	r.pool.Put(sc)
	push.MAC = PushMAC(shared, digest)
	return push, nil
}

// OpenPush verifies a push and returns the key and the originator's
// verified chain. It checks, failing closed and in this order: well-formed
// (Validate); chain id, registry and realm as configured (ErrWrongDomain);
// addressed to our CS key (ErrNotOurRequest); issued within the freshness
// window (ErrStale) and not expired (ErrExpired); a signed exchange with
// the key id's key RPC left us its responder's CS key, and the push comes
// from it (ErrUnknownPeer), for a role we were answered in by it (ErrRole);
// the MAC under that responder's chain verifies (ErrBadMAC); the push was
// not accepted before (ErrReplay); the trust decision admits the
// responder's chain in the push's role for the scope's URI; the
// attestation policy (if any) accepts its remembered evidence; the box
// opens (ErrBoxOpen). A forged push costs a map lookup and an HMAC.
func (q *Requester) OpenPush(ctx context.Context, p *KeyPush) (key [KeySize]byte, vc *cert.VerifiedChain, err error) {
	pol := &q.cfg.Policy
	if err := p.Validate(); err != nil {
		return key, nil, err
	}
	if err := pol.checkDomain(p.ChainID, p.Registry, p.Realm); err != nil {
		return key, nil, err
	}
	if subtle.ConstantTimeCompare(p.ReaderCSPubKey[:], q.csPub[:]) != 1 {
		return key, nil, failf("match", ErrNotOurRequest, "push for another CS key")
	}
	now := pol.now()
	nowMs := now.UnixMilli()
	w := pol.window().Milliseconds()
	if p.IssuedAt > uint64(nowMs+w) || int64(p.IssuedAt) < nowMs-w { //nolint:gosec // bounded by the decoder
		return key, nil, failf("freshness", ErrStale, "push issued outside the freshness window")
	}
	if p.ExpiresAt <= uint64(nowMs) { //nolint:gosec // after 1970
		return key, nil, failf("expiry", ErrExpired, "key expired")
	}
	kid, err := envelope.ParseKeyID(p.KeyID)
	if err != nil {
		return key, nil, fail("decode", ErrMalformed, err)
	}
	st, _ := q.known.get(kid.Locator)
	if q.cfg.SignedOnly || !st.has || st.chain == nil || subtle.ConstantTimeCompare(st.responder.cs[:], p.CSPubKey[:]) != 1 {
		return key, nil, failf("resume", ErrUnknownPeer, "no signed exchange with this key RPC and CS key")
	}
	if st.roles&roleBit(p.Role) == 0 {
		return key, nil, failf("role", ErrRole, "push for a role this responder never answered us in")
	}
	shared, err := sharedKey(q.boxes, q.boxKey, p.CSPubKey)
	if err != nil {
		return key, nil, err
	}
	sc := q.pool.Get().(*scratch)
	digest := p.digest(sc, q.domain, st.responder.chainHash)
	q.pool.Put(sc)
	want := PushMAC(shared, digest)
	if !hmac.Equal(want[:], p.MAC[:]) {
		return key, nil, failf("mac", ErrBadMAC, "push MAC does not verify")
	}
	var n [NonceSize]byte
	copy(n[:], p.BoxNonce[:])
	if err := q.pushes.check(n, nowMs); err != nil {
		return key, nil, err
	}
	dec, err := pol.decide(ctx, st.chain, p.Realm, p.Scope.URI, p.Role, st.issuer, now)
	if err != nil {
		return key, nil, err
	}
	if q.att != nil {
		peer := knownPeer{cs: p.CSPubKey, chainHash: st.responder.chainHash}
		if err := q.att.check(ctx, p.ChainID, p.Realm, dec.Issuer, st.chain, peer, nil, now); err != nil {
			return key, nil, err
		}
	}
	if _, ok := box.OpenAfterPrecomputation(key[:0], p.Box[:], &p.BoxNonce, shared); !ok {
		return [KeySize]byte{}, nil, failf("box", ErrBoxOpen, "box does not authenticate")
	}
	if err := q.pushes.add(n, nowMs); err != nil {
		return [KeySize]byte{}, nil, err
	}
	return key, st.chain, nil
}

// roleBit is the locatorState.roles bit of an originator role.
func roleBit(r e2ee.Role) uint8 {
	switch r {
	case e2ee.RolePublisher:
		return 1
	case e2ee.RoleCaller:
		return 2
	case e2ee.RoleCallee:
		return 4
	}
	return 0
}
