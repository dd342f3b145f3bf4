package router

import (
	"encoding/base64"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/ugorji/go/codec"

	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// Defaults of Policy.
const (
	// DefaultMaxPayload bounds the decoded PPT payload (Arguments[0]): 1 MiB.
	DefaultMaxPayload = 1 << 20
	// DefaultMaxKeyID bounds the length of ppt_keyid in bytes.
	DefaultMaxKeyID = 128
	// DefaultMaxURI bounds topic, procedure, realm and error URIs in bytes.
	DefaultMaxURI = 512
	// DefaultMaxOptions bounds the options (details) of a message, measured
	// as the bytes of its strings and binaries plus 8 per other value.
	DefaultMaxOptions = 4 << 10
	// DefaultMaxPendingCalls bounds the calls one network session has in
	// flight.
	DefaultMaxPendingCalls = 100
	// MaxHelloDetails bounds HELLO's details, measured like options (room
	// for WAMP-cryptosign certificate chains).
	MaxHelloDetails = 64 << 10
)

// maxScheme bounds ppt_scheme in bytes (a pattern like "x_*" would otherwise
// accept any length).
const maxScheme = 64

// PPT option names (the four nexus forwards) and the one value that is never
// accepted from the network.
const (
	OptScheme     = wamp.OptPPTScheme
	OptSerializer = wamp.OptPPTSerializer
	OptCipher     = wamp.OptPPTCipher
	OptKeyID      = wamp.OptPPTKeyId

	// SerializerNative is nexus's in-process "serializer": a Go pointer in
	// Arguments[0]. Over a network it panics receiving nexus clients (N4),
	// so the guard always rejects it.
	SerializerNative = "native"
)

// Reason says why the guard rejected a message. Its String form is stable and
// meant as a metrics label.
type Reason uint8

// Rejection reasons, one per rule. NumReasons is the number of reasons.
const (
	// ReasonOptionType: a ppt_* option is present but not a string (would
	// panic the nexus router, N1).
	ReasonOptionType Reason = iota
	// ReasonNoScheme: ppt_serializer, ppt_cipher or ppt_keyid without
	// ppt_scheme.
	ReasonNoScheme
	// ReasonScheme: ppt_scheme is empty or not in the allowlist.
	ReasonScheme
	// ReasonSerializer: ppt_serializer is missing (N2), "native" (N4) or not
	// in the allowlist.
	ReasonSerializer
	// ReasonCipher: ppt_cipher is missing for an E2EE scheme, empty, or not in
	// the allowlist.
	ReasonCipher
	// ReasonKeyID: ppt_keyid is missing for an E2EE scheme, empty, too long
	// or not printable ASCII.
	ReasonKeyID
	// ReasonArguments: Arguments is not exactly one element.
	ReasonArguments
	// ReasonPayloadType: Arguments[0] is not binary (N3); on JSON sessions,
	// a string that is not base64 (with or without the "\u0000" prefix).
	ReasonPayloadType
	// ReasonPayloadSize: the payload is empty or larger than MaxPayload.
	ReasonPayloadSize
	// ReasonKwargs: ArgumentsKw is present and not empty (plaintext next to
	// a PPT payload).
	ReasonKwargs
	// ReasonNotAnnounced: the session uses a feature (payload passthru mode,
	// progressive call invocations) it did not announce in HELLO; nexus
	// would abort the session and, for in-process sessions, panic (N6).
	ReasonNotAnnounced
	// ReasonInvalidFrame: the transport delivered no message (a rawsocket
	// frame with a reserved type: nexus would dereference a nil message, N7).
	ReasonInvalidFrame
	// ReasonPolicyOption: a REGISTER's "invoke" or a REGISTER's or
	// SUBSCRIBE's "match" option is not a string WAMP defines (nexus stores
	// any invocation policy and panics on the first CALL to a procedure
	// registered twice under an unknown one, N8).
	ReasonPolicyOption
	// ReasonMetaProcedure: a CALL to a meta procedure the guard does not
	// let clients use: wamp.session.add_testament and flush_testaments
	// (nexus publishes a testament later from its own meta session, past
	// the guard; with ppt_* publish options that kills the meta session and
	// then the router, N9; testaments are also unbounded in number).
	ReasonMetaProcedure
	// ReasonUndecodable: the frame could not be deserialized. A request
	// whose type and id could be recovered gets an ERROR; anything else an
	// ABORT (wamp.error.protocol_violation) that ends the session.
	ReasonUndecodable
	// ReasonURILength: a topic, procedure, realm or error URI is longer than
	// Policy.MaxURI (nexus keeps subscription and registration URIs).
	ReasonURILength
	// ReasonOptionsSize: a message's options or details are larger than
	// Policy.MaxOptions, or a HELLO's details larger than MaxHelloDetails
	// (nexus keeps CALL options while the call is pending and HELLO details
	// for the session's life).
	ReasonOptionsSize
	// ReasonPendingCalls: the session already has Policy.MaxPendingCalls
	// calls in flight.
	ReasonPendingCalls
	// ReasonDiscloseMe: a CALL asks for disclose_me on a realm that does not
	// allow disclosure. The guard answers wamp.error.option_disallowed.
	// disclose_me itself: nexus does, but never forgets such a call.
	ReasonDiscloseMe

	NumReasons = iota
)

// String returns the metrics label of r, e.g. "ppt_option_type".
func (r Reason) String() string {
	switch r {
	case ReasonOptionType:
		return "ppt_option_type"
	case ReasonNoScheme:
		return "ppt_no_scheme"
	case ReasonScheme:
		return "ppt_scheme"
	case ReasonSerializer:
		return "ppt_serializer"
	case ReasonCipher:
		return "ppt_cipher"
	case ReasonKeyID:
		return "ppt_keyid"
	case ReasonArguments:
		return "ppt_arguments"
	case ReasonPayloadType:
		return "ppt_payload_type"
	case ReasonPayloadSize:
		return "ppt_payload_size"
	case ReasonKwargs:
		return "ppt_kwargs"
	case ReasonNotAnnounced:
		return "feature_not_announced"
	case ReasonInvalidFrame:
		return "invalid_frame"
	case ReasonPolicyOption:
		return "policy_option"
	case ReasonMetaProcedure:
		return "meta_procedure"
	case ReasonUndecodable:
		return "undecodable"
	case ReasonURILength:
		return "uri_length"
	case ReasonOptionsSize:
		return "options_size"
	case ReasonPendingCalls:
		return "pending_calls"
	case ReasonDiscloseMe:
		return "disclose_me"
	}
	return fmt.Sprintf("reason(%d)", uint8(r))
}

// RejectError is the error returned by Policy.Check. Its message names the
// offending option or field and never contains payload bytes or option
// values; it is sent to the offending client as Arguments[0] of a
// wamp.error.invalid_argument ERROR.
type RejectError struct {
	Reason Reason
	// Field is the option ("ppt_serializer", "progress") or message field
	// ("Arguments", "ArgumentsKw") that broke the rule.
	Field string
	// Problem describes what is wrong with Field, e.g. "must be a string,
	// got int64".
	Problem string
}

// Error returns "router guard: <field> <problem>".
func (e *RejectError) Error() string {
	return "router guard: " + e.Field + " " + e.Problem
}

func reject(r Reason, field, problem string) *RejectError {
	return &RejectError{Reason: r, Field: field, Problem: problem}
}

// Policy holds the rules the guard enforces on PUBLISH, CALL, YIELD and ERROR
// messages that carry ppt_* options. The zero value is not ready; use
// DefaultPolicy or fill the zero fields with WithDefaults.
type Policy struct {
	// Schemes lists the accepted ppt_scheme values; an entry ending in "*"
	// accepts every scheme it is a prefix of ("x_*"). Default: the spec's
	// schemes, DefaultSchemes. Schemes that are not E2EESchemes get the same
	// structural checks (string options, a ppt_serializer named, one binary
	// element, no ArgumentsKw); ppt_cipher and ppt_keyid are optional.
	Schemes []string
	// E2EESchemes lists the schemes for which ppt_cipher and ppt_keyid are
	// mandatory. Default: "wamp" and "wamp.eth".
	E2EESchemes []string
	// Serializers lists the accepted ppt_serializer values. Default: "cbor",
	// "msgpack", "json", "flatbuffers". "native" is always rejected.
	Serializers []string
	// Ciphers lists the accepted ppt_cipher values. Default: the spec's
	// E2EE ciphers "xsalsa20poly1305" and "aes256gcm". Set AnyCipher to accept any non-empty string.
	Ciphers   []string
	AnyCipher bool
	// MaxPayload bounds the decoded payload size in bytes. Default
	// DefaultMaxPayload.
	MaxPayload int
	// MaxKeyID bounds ppt_keyid in bytes. Default DefaultMaxKeyID.
	MaxKeyID int
	// MaxURI, MaxOptions and MaxPendingCalls bound what nexus keeps for a
	// client (see Reason*). Defaults DefaultMaxURI, DefaultMaxOptions,
	// DefaultMaxPendingCalls. The pending-call bound applies to network
	// sessions; a call nexus refused with feature_not_supported stays
	// counted, as nexus keeps it until the session ends.
	MaxURI, MaxOptions, MaxPendingCalls int
}

// DefaultSchemes returns the ppt_scheme values a Policy accepts by default:
// the WAMP spec's E2EE scheme "wamp" (and its older name "wamp.eth"), the
// MQTT gateway scheme "mqtt" and custom schemes "x_*".
func DefaultSchemes() []string {
	return []string{"wamp", "wamp.eth", "mqtt", "x_*"}
}

// SchemeAllowed reports whether scheme matches one of the patterns of
// Policy.Schemes: equal to it, or starting with a pattern's text before a
// trailing "*". The empty scheme is never allowed.
func SchemeAllowed(patterns []string, scheme string) bool {
	if scheme == "" {
		return false
	}
	for _, p := range patterns {
		if prefix, ok := strings.CutSuffix(p, "*"); ok {
			if strings.HasPrefix(scheme, prefix) && len(scheme) > len(prefix) {
				return true
			}
		} else if p == scheme {
			return true
		}
	}
	return false
}

// DefaultPolicy returns the policy used when Config.Guard is left zero.
func DefaultPolicy() Policy {
	return Policy{}.WithDefaults()
}

// WithDefaults returns p with every zero field set to its default.
func (p Policy) WithDefaults() Policy {
	if p.Schemes == nil {
		p.Schemes = DefaultSchemes()
	}
	if p.E2EESchemes == nil {
		p.E2EESchemes = []string{"wamp", "wamp.eth"}
	}
	if p.Serializers == nil {
		p.Serializers = []string{"cbor", "msgpack", "json", "flatbuffers"}
	}
	if p.Ciphers == nil {
		p.Ciphers = []string{"xsalsa20poly1305", "aes256gcm"}
	}
	if p.MaxPayload <= 0 {
		p.MaxPayload = DefaultMaxPayload
	}
	if p.MaxKeyID <= 0 {
		p.MaxKeyID = DefaultMaxKeyID
	}
	if p.MaxURI <= 0 {
		p.MaxURI = DefaultMaxURI
	}
	if p.MaxOptions <= 0 {
		p.MaxOptions = DefaultMaxOptions
	}
	if p.MaxPendingCalls <= 0 {
		p.MaxPendingCalls = DefaultMaxPendingCalls
	}
	return p
}

// Check validates the ppt_* options and the payload shape of msg and returns
// nil if nexus and nexus clients can handle it safely, or a *RejectError.
// Only PUBLISH, CALL, YIELD (options) and ERROR (details) are inspected;
// messages of other types and messages without ppt_* options pass unchanged.
//
// jsonSession says that msg was decoded from JSON, where binary arrives as a
// string: then "\u0000"+base64 and plain base64 are accepted.
//
// Options whose value is undefined (nil, or MessagePack's extension type 0)
// are removed from msg first: they count as absent.
//
// On success a PPT message is normalized in place: Arguments becomes a fresh
// one-element list holding the payload as serialize.BinaryData, so that
// CBOR and msgpack receivers get a byte string and JSON receivers the spec's
// "\u0000"+base64 form. Check never panics, whatever msg holds.
func (p *Policy) Check(msg wamp.Message, jsonSession bool) *RejectError {
	dropUndefined(msg)
	return p.check(msg, jsonSession)
}

// check is Check for a message whose undefined options were removed.
func (p *Policy) check(msg wamp.Message, jsonSession bool) *RejectError {
	var opts wamp.Dict
	var args *wamp.List
	var kwargs wamp.Dict
	switch m := msg.(type) {
	case *wamp.Publish:
		opts, args, kwargs = m.Options, &m.Arguments, m.ArgumentsKw
	case *wamp.Call:
		opts, args, kwargs = m.Options, &m.Arguments, m.ArgumentsKw
	case *wamp.Yield:
		opts, args, kwargs = m.Options, &m.Arguments, m.ArgumentsKw
	case *wamp.Error:
		opts, args, kwargs = m.Details, &m.Arguments, m.ArgumentsKw
	default:
		return nil
	}
	scheme, hasScheme, rerr := pptString(opts, OptScheme)
	if rerr != nil {
		return rerr
	}
	serializer, hasSerializer, rerr := pptString(opts, OptSerializer)
	if rerr != nil {
		return rerr
	}
	cipher, hasCipher, rerr := pptString(opts, OptCipher)
	if rerr != nil {
		return rerr
	}
	keyID, hasKeyID, rerr := pptString(opts, OptKeyID)
	if rerr != nil {
		return rerr
	}
	if !hasScheme {
		switch {
		case hasSerializer:
			return reject(ReasonNoScheme, OptSerializer, "present without ppt_scheme")
		case hasCipher:
			return reject(ReasonNoScheme, OptCipher, "present without ppt_scheme")
		case hasKeyID:
			return reject(ReasonNoScheme, OptKeyID, "present without ppt_scheme")
		}
		return nil // not a PPT message
	}

	if !SchemeAllowed(p.Schemes, scheme) || len(scheme) > maxScheme || !printableASCII(scheme) {
		return reject(ReasonScheme, OptScheme, "value not allowed")
	}
	switch {
	case !hasSerializer:
		return reject(ReasonSerializer, OptSerializer, "missing")
	case serializer == SerializerNative:
		return reject(ReasonSerializer, OptSerializer, `"native" not allowed over a router`)
	case !slices.Contains(p.Serializers, serializer):
		return reject(ReasonSerializer, OptSerializer, "value not allowed")
	}
	e2ee := slices.Contains(p.E2EESchemes, scheme)
	if hasCipher {
		if cipher == "" || (!p.AnyCipher && !slices.Contains(p.Ciphers, cipher)) {
			return reject(ReasonCipher, OptCipher, "value not allowed")
		}
	} else if e2ee {
		return reject(ReasonCipher, OptCipher, "missing")
	}
	if hasKeyID {
		switch {
		case keyID == "":
			return reject(ReasonKeyID, OptKeyID, "empty")
		case len(keyID) > p.MaxKeyID:
			return reject(ReasonKeyID, OptKeyID, fmt.Sprintf("longer than %d bytes", p.MaxKeyID))
		case !printableASCII(keyID):
			return reject(ReasonKeyID, OptKeyID, "not printable ASCII")
		}
	} else if e2ee {
		return reject(ReasonKeyID, OptKeyID, "missing")
	}

	if len(kwargs) != 0 {
		return reject(ReasonKwargs, "ArgumentsKw", "must be absent or empty with ppt_scheme")
	}
	if len(*args) != 1 {
		return reject(ReasonArguments, "Arguments", fmt.Sprintf("must hold exactly one binary payload, has %d elements", len(*args)))
	}
	payload, rerr := p.binary((*args)[0], jsonSession)
	if rerr != nil {
		return rerr
	}
	*args = wamp.List{serialize.BinaryData(payload)}
	return nil
}

// binary returns the payload bytes of v, bounded by MaxPayload.
func (p *Policy) binary(v any, jsonSession bool) ([]byte, *RejectError) {
	var b []byte
	switch x := envelope.UntagBytes(v).(type) {
	case []byte:
		b = x
	case serialize.BinaryData:
		b = x
	case string:
		if !jsonSession {
			return nil, reject(ReasonPayloadType, "Arguments[0]", "must be binary, got string")
		}
		s := x
		if len(s) > 0 && s[0] == 0 {
			s = s[1:]
		}
		if len(s) > base64.StdEncoding.EncodedLen(p.MaxPayload) {
			return nil, reject(ReasonPayloadSize, "Arguments[0]", fmt.Sprintf("larger than %d bytes", p.MaxPayload))
		}
		var err error
		if b, err = base64.StdEncoding.Strict().DecodeString(s); err != nil {
			return nil, reject(ReasonPayloadType, "Arguments[0]", "must be binary: string is not base64")
		}
	default:
		return nil, reject(ReasonPayloadType, "Arguments[0]", "must be binary, got "+typeName(v))
	}
	switch {
	case len(b) == 0:
		return nil, reject(ReasonPayloadSize, "Arguments[0]", "empty payload")
	case len(b) > p.MaxPayload:
		return nil, reject(ReasonPayloadSize, "Arguments[0]", fmt.Sprintf("larger than %d bytes", p.MaxPayload))
	}
	return b, nil
}

// pptString returns opts[key] if it is a string; an error if it is present
// with another type (including nil).
func pptString(opts wamp.Dict, key string) (string, bool, *RejectError) {
	v, ok := opts[key]
	if !ok {
		return "", false, nil
	}
	s, isString := v.(string)
	if !isString {
		return "", true, reject(ReasonOptionType, key, "must be a string, got "+typeName(v))
	}
	return s, true, nil
}

func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x21 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// typeName names the dynamic type of a decoded value without printing it.
func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "bool"
	case string:
		return "string"
	case []byte, serialize.BinaryData:
		return "binary"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "integer"
	case float32, float64:
		return "float"
	case []any, wamp.List:
		return "list"
	case map[string]any, wamp.Dict, map[any]any:
		return "map"
	default:
		return fmt.Sprintf("%T", v)
	}
}

// Stats is a snapshot of the guard's counters since the router started.
type Stats struct {
	// PPT counts PPT messages that passed the guard.
	PPT uint64
	// Rejected counts rejected messages, indexed by Reason.
	Rejected [NumReasons]uint64
	// EventsDropped counts EVENTs not sent to slow clients,
	// SlowDisconnects clients disconnected because another message did not
	// fit their queue, WriteTimeouts clients disconnected because a write
	// took longer than Config.WriteTimeout (see Config.ClientQueueBytes).
	EventsDropped, SlowDisconnects, WriteTimeouts uint64
	// QueuedBytes is the number of bytes queued for network clients now.
	QueuedBytes int64
	// ConnsRefused counts connections refused by MaxConns or
	// MaxConnsPerAddr.
	ConnsRefused uint64
}

// TotalRejected returns the sum of Rejected.
func (s Stats) TotalRejected() uint64 {
	var n uint64
	for _, v := range s.Rejected {
		n += v
	}
	return n
}

// counters are the guard's atomic counters.
type counters struct {
	ppt      atomic.Uint64
	rejected [NumReasons]atomic.Uint64
}

func (c *counters) snapshot() Stats {
	var s Stats
	s.PPT = c.ppt.Load()
	for i := range c.rejected {
		s.Rejected[i] = c.rejected[i].Load()
	}
	return s
}

// Rejection describes one rejected message, as passed to Config.OnReject.
type Rejection struct {
	// Conn numbers the client connection (1, 2, … per router); Remote is
	// its remote address ("local" for in-process clients).
	Conn   uint64
	Remote string
	// Type is the rejected message's type (0 for ReasonInvalidFrame).
	Type   wamp.MessageType
	Reason Reason
	Field  string
}

// guard is the router-wide part of the guard: policy, counters, reporting.
type guard struct {
	policy Policy
	// disclose lists the realms that allow disclose_me (see
	// RealmConfig.AllowDisclose).
	dmu      sync.RWMutex
	disclose map[wamp.URI]bool
	stats    counters
	log      *slog.Logger
	onReject func(Rejection)
	observe  func(conn uint64, msg wamp.Message)
}

func (g *guard) allowDisclose(realm wamp.URI) bool {
	g.dmu.RLock()
	defer g.dmu.RUnlock()
	return g.disclose[realm]
}

func (g *guard) setDisclose(realm wamp.URI, allow bool) {
	g.dmu.Lock()
	defer g.dmu.Unlock()
	if g.disclose == nil {
		g.disclose = map[wamp.URI]bool{}
	}
	g.disclose[realm] = allow
}

// rejected counts and reports one rejection.
func (g *guard) rejected(p *guardPeer, typ wamp.MessageType, rerr *RejectError) {
	g.stats.rejected[rerr.Reason].Add(1)
	g.log.Debug("router guard rejected a message", "conn", p.conn, "remote", p.remote,
		"type", typ.String(), "reason", rerr.Reason.String(), "field", rerr.Field)
	if g.onReject != nil {
		g.onReject(Rejection{Conn: p.conn, Remote: p.remote, Type: typ, Reason: rerr.Reason, Field: rerr.Field})
	}
}

// Values of the "invoke" and "match" options nexus handles (wamp package).
var (
	invokePolicies = []string{wamp.InvokeSingle, wamp.InvokeRoundRobin, wamp.InvokeRandom, wamp.InvokeFirst, wamp.InvokeLast}
	matchPolicies  = []string{wamp.MatchExact, wamp.MatchPrefix, wamp.MatchWildcard}
)

// checkPolicyOption checks that opts[name], when present, is a string among
// allowed.
func checkPolicyOption(opts wamp.Dict, name string, allowed []string) *RejectError {
	v, ok := opts[name]
	if !ok {
		return nil
	}
	if s, isString := v.(string); !isString || !slices.Contains(allowed, s) {
		return &RejectError{Reason: ReasonPolicyOption, Field: name, Problem: "not one of " + strings.Join(allowed, ", ")}
	}
	return nil
}

// checkRouting checks the routing options of a REGISTER (invoke, match)
// or a SUBSCRIBE (match), and refuses CALLs to the testament meta
// procedures. It returns nil for every other message.
func checkRouting(msg wamp.Message) *RejectError {
	switch m := msg.(type) {
	case *wamp.Register:
		if rerr := checkPolicyOption(m.Options, wamp.OptInvoke, invokePolicies); rerr != nil {
			return rerr
		}
		return checkPolicyOption(m.Options, wamp.OptMatch, matchPolicies)
	case *wamp.Subscribe:
		return checkPolicyOption(m.Options, wamp.OptMatch, matchPolicies)
	case *wamp.Call:
		switch m.Procedure {
		case wamp.MetaProcSessionAddTestament, wamp.MetaProcSessionFlushTestaments:
			return &RejectError{Reason: ReasonMetaProcedure, Field: "procedure", Problem: "testaments are not available through this router"}
		}
	}
	return nil
}

// undefined reports whether v is how clients encode "no value" in an option:
// nil (JSON null; CBOR null and undefined) or the MessagePack extension of
// type 0 with at most one zero byte, which JavaScript encoders (wampy's)
// write for undefined.
func undefined(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case codec.RawExt:
		return x.Tag == 0 && (len(x.Data) == 0 || (len(x.Data) == 1 && x.Data[0] == 0))
	}
	return false
}

// withoutUndefined returns opts without the entries whose value is
// undefined: opts itself when it has none, else a copy (the map may be
// shared with an in-process client).
func withoutUndefined(opts wamp.Dict) wamp.Dict {
	n := 0
	for _, v := range opts {
		if undefined(v) {
			n++
		}
	}
	if n == 0 {
		return opts
	}
	c := make(wamp.Dict, len(opts)-n)
	for k, v := range opts {
		if !undefined(v) {
			c[k] = v
		}
	}
	return c
}

// dropUndefined treats every option of msg whose value is undefined as
// absent, for the guard and for nexus alike: a SUBSCRIBE with
// {match: undefined} subscribes with exact matching, as it does on a stock
// nexus.
func dropUndefined(msg wamp.Message) {
	switch m := msg.(type) {
	case *wamp.Subscribe:
		m.Options = withoutUndefined(m.Options)
	case *wamp.Register:
		m.Options = withoutUndefined(m.Options)
	case *wamp.Call:
		m.Options = withoutUndefined(m.Options)
	case *wamp.Publish:
		m.Options = withoutUndefined(m.Options)
	case *wamp.Yield:
		m.Options = withoutUndefined(m.Options)
	case *wamp.Error:
		m.Details = withoutUndefined(m.Details)
	case *wamp.Cancel:
		m.Options = withoutUndefined(m.Options)
	}
}

// checkLimits bounds the URIs and options of msg (see ReasonURILength and
// ReasonOptionsSize).
func (p *Policy) checkLimits(msg wamp.Message) *RejectError {
	var uri wamp.URI
	var opts wamp.Dict
	maxOpts := p.MaxOptions
	switch m := msg.(type) {
	case *wamp.Hello:
		uri, opts, maxOpts = m.Realm, m.Details, MaxHelloDetails
	case *wamp.Subscribe:
		uri, opts = m.Topic, m.Options
	case *wamp.Register:
		uri, opts = m.Procedure, m.Options
	case *wamp.Publish:
		uri, opts = m.Topic, m.Options
	case *wamp.Call:
		uri, opts = m.Procedure, m.Options
	case *wamp.Yield:
		opts = m.Options
	case *wamp.Cancel:
		opts = m.Options
	case *wamp.Error:
		uri, opts = m.Error, m.Details
	case *wamp.Abort:
		uri, opts = m.Reason, m.Details
	case *wamp.Goodbye:
		uri, opts = m.Reason, m.Details
	default:
		return nil
	}
	if len(uri) > p.MaxURI {
		return reject(ReasonURILength, "uri", fmt.Sprintf("longer than %d bytes", p.MaxURI))
	}
	if sizeOf(opts, maxOpts) > maxOpts {
		return reject(ReasonOptionsSize, "options", fmt.Sprintf("larger than %d bytes", maxOpts))
	}
	return nil
}

// sizeOf measures v as the bytes of its strings, keys and binaries plus 8
// per other value; it stops counting once the total exceeds limit.
func sizeOf(v any, limit int) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []byte:
		return len(x)
	case serialize.BinaryData:
		return len(x)
	case wamp.Dict:
		return sizeOf(map[string]any(x), limit)
	case map[string]any:
		n := 8
		for k, e := range x {
			if n += len(k) + sizeOf(e, limit-n); n > limit {
				return n
			}
		}
		return n
	case wamp.List:
		return sizeOf([]any(x), limit)
	case []any:
		n := 8
		for _, e := range x {
			if n += sizeOf(e, limit-n); n > limit {
				return n
			}
		}
		return n
	}
	return 8
}
