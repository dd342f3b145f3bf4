package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/gammazero/nexus/v3/transport"
	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"

	"github.com/wamp-e2ee/e2ee-node/chain"
	"github.com/wamp-e2ee/e2ee-node/chain/verifier"
	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/attest"
	"github.com/wamp-e2ee/e2ee-node/e2ee/cert"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keydist"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/keys"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
	"github.com/wamp-e2ee/e2ee-node/e2ee/trust"
	"github.com/wamp-e2ee/e2ee-node/internal/safefile"
)

// clientFlags are the flags pub, sub, call and serve share: the router, the node's identity,
// the trust mode of the realm and the per-URI policy.
type clientFlags struct {
	url, realm, serializer, tlsCA string
	timeout                       time.Duration

	key, sessionKey, chainFile, passwordFile, sessionPasswordFile string

	trustMode, trustrootFile, pinFile              string
	rpc, registry, realmAddress, trustroot, issuer string
	confirmations, block, maxLogRange              uint64
	encrypt, sign, signedKeyExchanges, noKeyPush   bool
	rotate, cipher                                 string
	allow                                          allowRules
	tpm, pcrs                                      string
	logs                                           logFlags
	config                                         string
}

const clientFlagsHelp = `Identity: --key (delegate keystore), --session-key (client-session keystore) and --chain (the
certificate chain from 'cert issue' / 'cert chain', delegate first); passwords from --password-file
(default $E2EE_PASSWORD_FILE), never from flag values.

Trust, for the realm joined:
  --trust standalone --trustroot-file FILE   root certificate(s) the peers' chains must end in
  --trust tofu --pin-file FILE               pin the first trustroot seen per peer; refuse changes
  --trust onchain --rpc URL --realm-address ADDR --trustroot ADDR [--registry ADDR] [--issuer ADDR]
                                             the on-chain registry (revocations rotate keys at once)
  --allow [exact:|prefix:|wildcard:]URI=ROLE[,ROLE…][@CAP[,CAP…]]   (repeatable, any mode)
                                             only these URIs/roles (and capabilities); others refused

Policy for the URI: --encrypt (default true), --sign (sender signatures, non-repudiation; both
sides must agree), --rotate messages:N | period:DURATION | per-message | per-topic,
--cipher xsalsa20poly1305 (default) | aes256gcm (both sides must agree: a receiver accepts only its own).
Remote attestation: --tpm device[:PATH] | swtpm:ADDR | simulator quotes this node's platform for
realms whose on-chain policy requires attestation (docs/protocol.md §6); a node in such a realm
without a working TPM fails at start. --pcrs overrides the realm's PCR selection.
Key distribution: after one signed exchange with a peer, later key requests and responses between
the two session keys are MAC-authenticated (resumed); --signed-key-exchanges signs every one.
A new publication key is pushed to the subscribers that fetched the one it replaces, before the first message
under it (docs/protocol.md §3.10); --no-key-push leaves every reader to fetch it.
Every flag can also come from a JSON config file (--config FILE or $E2EE_CONFIG; see README).`

func (c *clientFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.url, "url", "", "router URL: ws://host:port/path, wss://…, tcp://host:port (rawsocket) (required)")
	fs.StringVar(&c.realm, "realm", "", "WAMP realm URI to join (required)")
	fs.StringVar(&c.serializer, "serializer", "cbor", "WAMP serializer: cbor, msgpack or json")
	fs.StringVar(&c.tlsCA, "tls-ca", "", "PEM CA certificate(s) to verify a wss:// router (default: system roots)")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "connect / call timeout")
	fs.StringVar(&c.key, "key", "", "delegate keystore (secp256k1) (required)")
	fs.StringVar(&c.sessionKey, "session-key", "", "client-session keystore (Ed25519) (required)")
	fs.StringVar(&c.chainFile, "chain", "", "certificate chain file, delegate first (or the lone delegate certificate with --trust onchain) (required)")
	fs.StringVar(&c.passwordFile, "password-file", "", "password file of --key (default $E2EE_PASSWORD_FILE, else prompt)")
	fs.StringVar(&c.sessionPasswordFile, "session-password-file", "", "password file of --session-key (default: that of --key)")
	fs.StringVar(&c.trustMode, "trust", "standalone", "trust mode: standalone, tofu or onchain")
	fs.StringVar(&c.trustrootFile, "trustroot-file", "", "standalone: root certificate file (one certificate or a JSON list)")
	fs.StringVar(&c.pinFile, "pin-file", "", "tofu: JSON pin file (created 0600 when missing)")
	fs.StringVar(&c.rpc, "rpc", "", "onchain: JSON-RPC endpoint (http(s)://, ws(s):// or IPC path)")
	fs.StringVar(&c.registry, "registry", "", "onchain: registry address (default: the deterministic CREATE2 address)")
	fs.StringVar(&c.realmAddress, "realm-address", "", "realm's Ethereum address (default: from the certificate chain or the root certificate)")
	fs.StringVar(&c.trustroot, "trustroot", "", "onchain: the trustroot expected as the realm's Realm-CA")
	fs.StringVar(&c.issuer, "issuer", "", "onchain: the CA that authorized our delegate (issuer hint for a lone delegate certificate)")
	fs.Uint64Var(&c.confirmations, "confirmations", 0, "onchain: blocks a new authorization needs on top (revocations count at once)")
	fs.Uint64Var(&c.maxLogRange, "max-log-range", verifier.DefaultMaxLogRange, "onchain: most blocks one eth_getLogs query spans (a provider's \"range too large\" halves it)")
	fs.Uint64Var(&c.block, "block", 0, "standalone/tofu: current block number for validFrom checks (default: not checked)")
	fs.BoolVar(&c.encrypt, "encrypt", true, "encrypt payloads on this URI (--encrypt=false: plaintext)")
	fs.BoolVar(&c.sign, "sign", false, "sign payloads (non-repudiation); receivers then require signatures")
	fs.BoolVar(&c.signedKeyExchanges, "signed-key-exchanges", false, "sign every key request and response with the delegate key (no resumed, MAC-authenticated exchanges; docs/protocol.md §3.8)")
	fs.BoolVar(&c.noKeyPush, "no-key-push", false, "do not push new keys to the readers of the old ones (each fetches it; docs/protocol.md §3.10)")
	fs.StringVar(&c.cipher, "cipher", envelope.CipherXSalsa, "payload cipher (ppt_cipher): xsalsa20poly1305 or aes256gcm; receivers accept only this one")
	fs.StringVar(&c.rotate, "rotate", "", "key rotation: messages:N, period:DURATION, per-message or per-topic (default: the keyring default)")
	fs.Var(&c.allow, "allow", "URI rule [exact:|prefix:|wildcard:]URI=ROLE[,ROLE…][@CAP[,CAP…]] (repeatable; with any, peers may act only on URIs and roles a rule allows)")
	fs.StringVar(&c.config, "config", "", "JSON config file with flag values (default $E2EE_CONFIG)")
	fs.StringVar(&c.tpm, "tpm", "", "TPM for remote attestation: device[:PATH] (default /dev/tpmrm0), swtpm:ADDR (socket path or host:port) or simulator")
	fs.StringVar(&c.pcrs, "pcrs", "", "with --tpm: SHA-256 PCRs to quote, comma-separated (default: the realm's on-chain selection)")
	c.logs.register(fs)
}

// allowRules are the repeatable --allow URI rules (trust.Rule), for every trust mode.
type allowRules []trust.Rule

func (a *allowRules) String() string {
	if a == nil {
		return ""
	}
	parts := make([]string, len(*a))
	for i, r := range *a {
		roles := make([]string, len(r.Roles))
		for j, role := range r.Roles {
			roles[j] = string(role)
		}
		parts[i] = fmt.Sprintf("%s:%s=%s", r.Match, r.URI, strings.Join(roles, ","))
		if r.Capabilities != 0 {
			parts[i] += "@" + capabilityString(r.Capabilities)
		}
	}
	return strings.Join(parts, " ")
}

// Set parses [exact:|prefix:|wildcard:]URI=ROLE[,ROLE…][@CAP[,CAP…]]; the match defaults to
// exact, the URI ends at the last '='. Rules are validated when the decider is built.
func (a *allowRules) Set(v string) error {
	var r trust.Rule
	r.Match = e2ee.MatchExact
	if m, rest, ok := strings.Cut(v, ":"); ok {
		switch e2ee.Match(m) {
		case e2ee.MatchExact, e2ee.MatchPrefix, e2ee.MatchWildcard:
			r.Match, v = e2ee.Match(m), rest
		}
	}
	i := strings.LastIndex(v, "=")
	if i < 0 {
		return fmt.Errorf("want [exact:|prefix:|wildcard:]URI=ROLE[,ROLE…][@CAP[,CAP…]], not %q", v)
	}
	r.URI = v[:i]
	roles, caps, withCaps := strings.Cut(v[i+1:], "@")
	for role := range strings.SplitSeq(roles, ",") {
		role = strings.TrimSpace(role)
		if !e2ee.Role(role).Valid() {
			return fmt.Errorf("unknown role %q (publisher, subscriber, caller, callee)", role)
		}
		r.Roles = append(r.Roles, e2ee.Role(role))
	}
	if withCaps {
		c, err := parseCapabilities(caps)
		if err != nil {
			return err
		}
		r.Capabilities = c
	}
	*a = append(*a, r)
	return nil
}

// parseRotation maps a --rotate value to a keyring policy (nil: the default).
func parseRotation(s string) (*keyring.Policy, error) {
	var p keyring.Policy
	switch {
	case s == "":
		return nil, nil
	case s == "per-message":
		p = keyring.PerMessage()
	case s == "per-topic":
		p = keyring.PerTopic(nil)
	case strings.HasPrefix(s, "messages:"):
		n, err := strconv.ParseUint(strings.TrimPrefix(s, "messages:"), 10, 64)
		if err != nil || n == 0 {
			return nil, fmt.Errorf("--rotate %s: want messages:N with N ≥ 1", s)
		}
		p = keyring.EveryNMessages(n)
	case strings.HasPrefix(s, "period:"):
		d, err := time.ParseDuration(strings.TrimPrefix(s, "period:"))
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("--rotate %s: want period:DURATION, e.g. period:1h", s)
		}
		p = keyring.EveryPeriod(d)
	default:
		return nil, fmt.Errorf("--rotate must be messages:N, period:DURATION, per-message or per-topic, not %q", s)
	}
	return &p, nil
}

func parseSerializer(s string) (serialize.Serialization, error) {
	switch strings.ToLower(s) {
	case "cbor":
		return serialize.CBOR, nil
	case "msgpack":
		return serialize.MSGPACK, nil
	case "json":
		return serialize.JSON, nil
	}
	return 0, fmt.Errorf("--serializer must be cbor, msgpack or json, not %q", s)
}

// dialer returns the session's Dial function for a router URL.
func dialer(rawURL string, ser serialize.Serialization, tlsCA string) (func(ctx context.Context) (wamp.Peer, error), error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("--url %q: want ws://host:port/path, wss://host:port/path or tcp://host:port", rawURL)
	}
	var tlsCfg *tls.Config
	if tlsCA != "" {
		pem, err := safefile.ReadFile(tlsCA, maxPEMSize)
		if err != nil {
			return nil, fmt.Errorf("read --tls-ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, errors.New("--tls-ca: no PEM certificate found")
		}
		tlsCfg = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	}
	quiet := log.New(discard{}, "", 0)
	switch u.Scheme {
	case "ws", "wss":
		return session.DialWebsocket(rawURL, ser, tlsCfg, quiet), nil
	case "tcp":
		return func(ctx context.Context) (wamp.Peer, error) {
			return transport.ConnectRawSocketPeer(ctx, "tcp", u.Host, ser, tlsCfg, quiet, 0)
		}, nil
	}
	return nil, fmt.Errorf("--url %q: scheme must be ws, wss or tcp", rawURL)
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// node is an open E2EE session with what it depends on.
type node struct {
	sess     *session.Session
	verifier *verifier.Verifier
	tpm      *attest.TPM
	backend  *chain.Backend
	log      *slog.Logger
	done     chan struct{}
}

// Close closes the session, then the verifier and the chain connection.
func (n *node) Close() {
	if n.sess != nil {
		_ = n.sess.Close()
	}
	if n.done != nil {
		close(n.done)
	}
	if n.verifier != nil {
		n.verifier.Close()
	}
	if n.tpm != nil {
		_ = n.tpm.Close()
	}
	if n.backend != nil {
		n.backend.Close()
	}
}

// open validates the client flags, loads the identity, builds the trust decider and dials
// the router. Usage problems return errUsage (already printed).
func (c *clientFlags) open(ctx context.Context, e *env, cmd string, reconnect bool) (*node, error) {
	if c.url == "" || c.realm == "" {
		return nil, usageErrorf(e, "%s: --url and --realm are required", cmd)
	}
	if c.key == "" || c.sessionKey == "" || c.chainFile == "" {
		return nil, usageErrorf(e, "%s: --key, --session-key and --chain are required (the node's identity)", cmd)
	}
	ser, err := parseSerializer(c.serializer)
	if err != nil {
		return nil, usageErrorf(e, "%s: %v", cmd, err)
	}
	rotation, err := parseRotation(c.rotate)
	if err != nil {
		return nil, usageErrorf(e, "%s: %v", cmd, err)
	}
	if !envelope.ValidCipher(c.cipher) {
		return nil, usageErrorf(e, "%s: --cipher must be %s or %s, not %q", cmd, envelope.CipherXSalsa, envelope.CipherAESGCM, c.cipher)
	}
	logger, err := c.logs.logger(e.stderr)
	if err != nil {
		return nil, usageErrorf(e, "%s: %v", cmd, err)
	}
	dial, err := dialer(c.url, ser, c.tlsCA)
	if err != nil {
		return nil, usageErrorf(e, "%s: %v", cmd, err)
	}
	var realmAddr common.Address
	if c.realmAddress != "" {
		if realmAddr, err = cert.ParseAddress(c.realmAddress); err != nil {
			return nil, usageErrorf(e, "%s: --realm-address: %v", cmd, err)
		}
	}
	var issuer common.Address
	if c.issuer != "" {
		if issuer, err = cert.ParseAddress(c.issuer); err != nil {
			return nil, usageErrorf(e, "%s: --issuer: %v", cmd, err)
		}
	}

	certs, err := readChainFile(c.chainFile)
	if err != nil {
		return nil, fmt.Errorf("--chain: %w", err)
	}
	if len(certs) == 0 || certs[0].Delegate == nil {
		return nil, fmt.Errorf("--chain %s: the first certificate must be the delegate certificate", c.chainFile)
	}
	if realmAddr == (common.Address{}) {
		for _, ct := range certs[1:] {
			if ct.Authority != nil {
				realmAddr = ct.Authority.Realm
				break
			}
		}
	}
	pw, err := readPassword(e, c.passwordFile, "password of "+c.key, false)
	if err != nil {
		return nil, err
	}
	delegate, err := keys.LoadDelegateKey(c.key, pw)
	if err != nil {
		return nil, fmt.Errorf("load delegate key %s: %w", c.key, err)
	}
	spw := pw
	if c.sessionPasswordFile != "" {
		if spw, err = readPassword(e, c.sessionPasswordFile, "", false); err != nil {
			return nil, err
		}
	}
	sk, err := keys.LoadSessionKey(c.sessionKey, spw)
	if err != nil {
		return nil, fmt.Errorf("load session key %s: %w", c.sessionKey, err)
	}
	dc := certs[0].Delegate
	if dc.Delegate != delegate.Address() {
		return nil, fmt.Errorf("--chain: the delegate certificate names %s, but --key is %s", dc.Delegate.Hex(), delegate.Address().Hex())
	}
	if dc.CSPubKey != sk.PublicKey32() {
		return nil, errors.New("--chain: the delegate certificate's csPubKey is not --session-key's public key")
	}

	n := &node{log: logger, done: make(chan struct{})}
	policy := keydist.Policy{ChainID: dc.ChainID, Registry: dc.VerifyingContract, Realm: realmAddr}
	block := c.block
	if block == 0 {
		block = math.MaxUint64
	}
	policy.Block = func() uint64 { return block }
	var revocations *verifier.Queue
	switch c.trustMode {
	case "standalone":
		if c.trustrootFile == "" {
			return nil, usageErrorf(e, "%s: --trust standalone needs --trustroot-file", cmd)
		}
		roots, err := trust.LoadRootCertificates(c.trustrootFile)
		if err != nil {
			return nil, fmt.Errorf("--trustroot-file: %w", err)
		}
		if policy.Realm == (common.Address{}) && len(roots) > 0 {
			policy.Realm = roots[0].Authority.Realm
		}
		if policy.Trust, err = trust.NewStandalone(trust.StandaloneConfig{RootCertificates: roots, Rules: c.allow}); err != nil {
			return nil, fmt.Errorf("standalone trust: %w", err)
		}
	case "tofu":
		if c.pinFile == "" {
			return nil, usageErrorf(e, "%s: --trust tofu needs --pin-file", cmd)
		}
		t, err := trust.OpenTOFU(trust.TOFUConfig{Path: c.pinFile, Rules: c.allow})
		if err != nil {
			return nil, fmt.Errorf("tofu trust: %w", err)
		}
		policy.Trust = loggingDecider{t, logger}
	case "onchain":
		if c.rpc == "" || c.realmAddress == "" || c.trustroot == "" {
			return nil, usageErrorf(e, "%s: --trust onchain needs --rpc, --realm-address and --trustroot", cmd)
		}
		root, err := cert.ParseAddress(c.trustroot)
		if err != nil {
			return nil, usageErrorf(e, "%s: --trustroot: %v", cmd, err)
		}
		regAddr := chain.RegistryAddress(chain.DefaultRegistrySalt)
		if c.registry != "" {
			if regAddr, err = cert.ParseAddress(c.registry); err != nil {
				return nil, usageErrorf(e, "%s: --registry: %v", cmd, err)
			}
		}
		dctx, cancel := context.WithTimeout(ctx, c.timeout)
		b, err := chain.Connect(dctx, chain.BackendConfig{URL: c.rpc, Confirmations: c.confirmations})
		cancel()
		if err != nil {
			return nil, fmt.Errorf("RPC endpoint %s unreachable: %w", c.rpc, err)
		}
		n.backend = b
		// Refuse to start when peers would refuse us: they check the issuer of our chain
		// (or --issuer, or the trustroot for a lone delegate certificate).
		selfIssuer := issuer
		for _, ct := range certs[1:] {
			if ct.Authority != nil && ct.Authority.Subject == delegate.Address() && selfIssuer == (common.Address{}) {
				selfIssuer = ct.Authority.Issuer
			}
		}
		cctx, cancel := context.WithTimeout(ctx, c.timeout)
		err = b.Registry(regAddr).CheckNode(cctx, realmAddr, root, delegate.Address(), selfIssuer)
		cancel()
		if errors.Is(err, chain.ErrUnauthorized) && c.issuer == "" && strings.Contains(err.Error(), "use issuer ") {
			err = fmt.Errorf("%w (pass --issuer)", err)
		}
		if err != nil {
			n.Close()
			return nil, fmt.Errorf("our own authorization: %w", err)
		}
		revocations = verifier.NewQueue(256)
		v, err := verifier.New(ctx, b, verifier.Config{
			Registry:     regAddr,
			Trustroots:   map[common.Address]common.Address{realmAddr: root},
			Rules:        c.allow,
			MaxLogRange:  c.maxLogRange,
			OnRevocation: revocations.Report,
		})
		if err != nil {
			n.Close()
			return nil, fmt.Errorf("on-chain verifier: %w", err)
		}
		n.verifier = v
		policy.ChainID, policy.Registry, policy.Trust = b.ChainID().Uint64(), regAddr, v
		// The head the verifier follows, and the endpoint's head for certificates issued
		// for a block the verifier has not seen yet.
		policy.Block, policy.LatestBlock = v.Blocks()
	default:
		return nil, usageErrorf(e, "%s: --trust must be standalone, tofu or onchain, not %q", cmd, c.trustMode)
	}
	if policy.Realm == (common.Address{}) {
		n.Close()
		return nil, usageErrorf(e, "%s: --realm-address is required (the chain names no realm)", cmd)
	}
	if dc.ChainID != policy.ChainID || dc.VerifyingContract != policy.Registry {
		n.Close()
		return nil, fmt.Errorf("--chain: the delegate certificate is for chain %d, registry %s; the trust configuration expects chain %d, registry %s",
			dc.ChainID, dc.VerifyingContract.Hex(), policy.ChainID, policy.Registry.Hex())
	}
	if err := c.attestation(ctx, n, &policy, dc); err != nil {
		n.Close()
		return nil, err
	}
	rule := session.Rule{Encrypt: c.encrypt, Sign: c.sign, Rotation: rotation, Cipher: c.cipher}
	dctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	sess, err := session.Dial(dctx, session.Config{
		Realm: c.realm, Dial: dial, Serialization: ser,
		Identity:           keydist.Identity{Delegate: delegate, Session: sk, Chain: certs, Issuer: issuer},
		KeyPolicy:          policy,
		SignedKeyExchanges: c.signedKeyExchanges,
		NoKeyPush:          c.noKeyPush,
		Default:            rule,
		ResponseTimeout:    c.timeout,
		Reconnect:          reconnect,
		Logf: func(format string, args ...any) {
			logger.Info(fmt.Sprintf(format, args...))
		},
	})
	if err != nil {
		n.Close()
		return nil, fmt.Errorf("connect to router %s (realm %s): %w", c.url, c.realm, err)
	}
	n.sess = sess
	logger.Debug("joined", "url", c.url, "realm", c.realm, "delegate", delegate.Address().Hex(), "trust", c.trustMode)
	if revocations != nil {
		go revocations.Run(n.done, sess, func(r verifier.Revocation) {
			logger.Warn("on-chain revocation", "kind", r.Kind.String(), "delegate", r.Delegate.Hex(), "block", r.Block)
		})
	}
	return n, nil
}

// loggingDecider logs refused trust decisions (e.g. a TOFU pin change) so that the operator
// sees why a peer was refused.
type loggingDecider struct {
	d   e2ee.TrustDecider
	log *slog.Logger
}

func (l loggingDecider) Decide(ctx context.Context, req e2ee.TrustRequest) (e2ee.TrustDecision, error) {
	dec, err := l.d.Decide(ctx, req)
	if err != nil {
		l.log.Warn("peer refused", "peer", req.Peer, "uri", req.URI, "role", string(req.Role), "err", err)
	}
	return dec, err
}

// The node's revocation policy (verifier.Apply) touches only the peers an attestation report
// concerns: the session knows which peer attested with which measurement.
var _ verifier.AttestationKeyHolder = (*session.Session)(nil)

// attestation configures remote attestation (docs/protocol.md §6): with an attestation policy
// source (the on-chain verifier) the node enforces the realm's policy on its peers, and with
// --tpm it quotes its own platform. A realm that requires attestation from a node without a
// working TPM is a start-up failure, as is a --tpm that does not answer.
func (c *clientFlags) attestation(ctx context.Context, n *node, policy *keydist.Policy, dc *cert.DelegateCertificate) error {
	var source attest.PolicySource
	if n.verifier != nil {
		source = n.verifier.AttestationPolicy()
	}
	var facts attest.Facts
	if source != nil {
		fctx, cancel := context.WithTimeout(ctx, c.timeout)
		f, err := source.Attestation(fctx, attest.Query{Realm: policy.Realm})
		cancel()
		if err != nil {
			return fmt.Errorf("attestation policy of realm %s unreadable: %w", policy.Realm.Hex(), err)
		}
		facts = f
	}
	if c.tpm == "" {
		if facts.Required {
			return fmt.Errorf("realm %s requires remote attestation: start with --tpm device[:PATH], swtpm:ADDR or simulator", policy.Realm.Hex())
		}
		if source != nil {
			policy.Attestation = &keydist.Attestation{Policy: source}
		}
		return nil
	}
	pcrs := c.pcrs
	if pcrs == "" && facts.PCRSelection != 0 {
		var list []string
		for _, p := range attest.SelectionPCRs(facts.PCRSelection) {
			list = append(list, strconv.Itoa(p))
		}
		pcrs = strings.Join(list, ",")
	}
	t, err := openTPM(c.tpm, pcrs)
	if err != nil {
		return err
	}
	n.tpm = t
	prover := attest.NewProver(t, attest.Subject{ChainID: dc.ChainID, Delegate: dc.Delegate, CSPubKey: dc.CSPubKey, BootedAt: dc.BootedAt})
	if _, err := prover.Evidence(facts.MaxAge); err != nil {
		return fmt.Errorf("--tpm %s: quote failed: %w", c.tpm, err)
	}
	if source != nil {
		policy.Attestation = &keydist.Attestation{Policy: source, Evidence: prover.Evidence}
	}
	return nil
}
