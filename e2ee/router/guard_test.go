package router_test

import (
	"encoding/base64"
	"maps"
	"strings"
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wamp-e2ee/e2ee-node/e2ee/router"
)

const testKeyID = "0123456789abcdef.0123456789abcdef0123456789abcdef"

// validOpts returns the options of a valid e2ee-node PPT message.
func validOpts() wamp.Dict {
	return wamp.Dict{
		router.OptScheme:     "wamp",
		router.OptSerializer: "cbor",
		router.OptCipher:     "xsalsa20poly1305",
		router.OptKeyID:      testKeyID,
	}
}

func with(d wamp.Dict, kv ...any) wamp.Dict {
	for i := 0; i < len(kv); i += 2 {
		d[kv[i].(string)] = kv[i+1]
	}
	return d
}

func without(d wamp.Dict, keys ...string) wamp.Dict {
	for _, k := range keys {
		delete(d, k)
	}
	return d
}

// badValues are the non-string option values of every decoded type.
func badValues() map[string]any {
	return map[string]any{
		"int":   int64(7),
		"uint":  uint64(7),
		"float": 1.5,
		"bool":  true,
		"list":  []any{"cbor"},
		"map":   map[string]any{"a": "b"},
		"bytes": []byte("cbor"),
	}
}

type checkCase struct {
	name   string
	opts   wamp.Dict
	args   wamp.List
	kwargs wamp.Dict
	json   bool
	reason router.Reason // NumReasons: accepted
	field  string
}

func checkCases() []checkCase {
	payload := []byte("nonce-and-ciphertext")
	ok := router.Reason(router.NumReasons)
	cases := []checkCase{
		{name: "valid", opts: validOpts(), args: wamp.List{payload}, reason: ok},
		{name: "valid wamp.eth", opts: with(validOpts(), router.OptScheme, "wamp.eth"), args: wamp.List{payload}, reason: ok},
		{name: "valid BinaryData", opts: validOpts(), args: wamp.List{serialize.BinaryData(payload)}, reason: ok},
		{name: "valid empty kwargs", opts: validOpts(), args: wamp.List{payload}, kwargs: wamp.Dict{}, reason: ok},
		{name: "no ppt", opts: wamp.Dict{"acknowledge": true}, args: wamp.List{1, "x"}, kwargs: wamp.Dict{"a": 1}, reason: ok},
		{name: "nil options", opts: nil, args: wamp.List{1}, reason: ok},
		{name: "json nul+base64", json: true, opts: validOpts(), args: wamp.List{"\x00" + base64.StdEncoding.EncodeToString(payload)}, reason: ok},
		{name: "json plain base64", json: true, opts: validOpts(), args: wamp.List{base64.StdEncoding.EncodeToString(payload)}, reason: ok},
		{name: "json bad base64", json: true, opts: validOpts(), args: wamp.List{"\x00not base64!"}, reason: router.ReasonPayloadType, field: "Arguments[0]"},
		{name: "json empty string", json: true, opts: validOpts(), args: wamp.List{""}, reason: router.ReasonPayloadSize, field: "Arguments[0]"},
		{name: "string on binary session", opts: validOpts(), args: wamp.List{base64.StdEncoding.EncodeToString(payload)}, reason: router.ReasonPayloadType, field: "Arguments[0]"},

		{name: "serializer without scheme", opts: wamp.Dict{router.OptSerializer: "cbor"}, args: wamp.List{payload}, reason: router.ReasonNoScheme, field: router.OptSerializer},
		{name: "cipher without scheme", opts: wamp.Dict{router.OptCipher: "xsalsa20poly1305"}, args: wamp.List{payload}, reason: router.ReasonNoScheme, field: router.OptCipher},
		{name: "keyid without scheme", opts: wamp.Dict{router.OptKeyID: testKeyID}, args: wamp.List{payload}, reason: router.ReasonNoScheme, field: router.OptKeyID},
		{name: "empty scheme", opts: with(validOpts(), router.OptScheme, ""), args: wamp.List{payload}, reason: router.ReasonScheme, field: router.OptScheme},
		{name: "unknown scheme", opts: with(validOpts(), router.OptScheme, "y_custom"), args: wamp.List{payload}, reason: router.ReasonScheme, field: router.OptScheme},
		{name: "bare x_", opts: with(validOpts(), router.OptScheme, "x_"), args: wamp.List{payload}, reason: router.ReasonScheme, field: router.OptScheme},
		{name: "long x_ scheme", opts: with(validOpts(), router.OptScheme, "x_"+strings.Repeat("a", 80)), args: wamp.List{payload}, reason: router.ReasonScheme, field: router.OptScheme},
		{name: "mqtt", opts: wamp.Dict{router.OptScheme: "mqtt", router.OptSerializer: "json"}, args: wamp.List{payload}, reason: ok},
		{name: "x_custom", opts: wamp.Dict{router.OptScheme: "x_custom", router.OptSerializer: "cbor", router.OptCipher: "xsalsa20poly1305"}, args: wamp.List{payload}, reason: ok},
		{name: "mqtt without serializer", opts: wamp.Dict{router.OptScheme: "mqtt"}, args: wamp.List{payload}, reason: router.ReasonSerializer, field: router.OptSerializer},
		{name: "x_custom two arguments", opts: wamp.Dict{router.OptScheme: "x_custom", router.OptSerializer: "cbor"}, args: wamp.List{payload, payload}, reason: router.ReasonArguments, field: "Arguments"},
		{name: "x_custom kwargs", opts: wamp.Dict{router.OptScheme: "x_custom", router.OptSerializer: "cbor"}, args: wamp.List{payload}, kwargs: wamp.Dict{"a": 1}, reason: router.ReasonKwargs, field: "ArgumentsKw"},
		{name: "mqtt int serializer", opts: wamp.Dict{router.OptScheme: "mqtt", router.OptSerializer: int64(1)}, args: wamp.List{payload}, reason: router.ReasonOptionType, field: router.OptSerializer},

		// An option whose value is undefined (nil; CBOR undefined decodes to
		// nil) is absent.
		{name: "nil scheme is absent", opts: with(wamp.Dict{"acknowledge": true}, router.OptScheme, nil), args: wamp.List{1, "x"}, reason: ok},
		{name: "nil scheme with serializer", opts: with(validOpts(), router.OptScheme, nil), args: wamp.List{payload}, reason: router.ReasonNoScheme, field: router.OptSerializer},
		{name: "nil serializer is missing", opts: with(validOpts(), router.OptSerializer, nil), args: wamp.List{payload}, reason: router.ReasonSerializer, field: router.OptSerializer},
		{name: "nil cipher is missing", opts: with(validOpts(), router.OptCipher, nil), args: wamp.List{payload}, reason: router.ReasonCipher, field: router.OptCipher},
		{name: "nil keyid is missing", opts: with(validOpts(), router.OptKeyID, nil), args: wamp.List{payload}, reason: router.ReasonKeyID, field: router.OptKeyID},
		{name: "missing serializer (N2)", opts: without(validOpts(), router.OptSerializer), args: wamp.List{payload}, reason: router.ReasonSerializer, field: router.OptSerializer},
		{name: "native serializer (N4)", opts: with(validOpts(), router.OptSerializer, "native"), args: wamp.List{payload}, reason: router.ReasonSerializer, field: router.OptSerializer},
		{name: "unknown serializer", opts: with(validOpts(), router.OptSerializer, "xml"), args: wamp.List{payload}, reason: router.ReasonSerializer, field: router.OptSerializer},
		{name: "missing cipher", opts: without(validOpts(), router.OptCipher), args: wamp.List{payload}, reason: router.ReasonCipher, field: router.OptCipher},
		{name: "unknown cipher", opts: with(validOpts(), router.OptCipher, "rot13"), args: wamp.List{payload}, reason: router.ReasonCipher, field: router.OptCipher},
		{name: "aes256gcm", opts: with(validOpts(), router.OptCipher, "aes256gcm"), args: wamp.List{payload}, reason: ok},
		{name: "missing keyid", opts: without(validOpts(), router.OptKeyID), args: wamp.List{payload}, reason: router.ReasonKeyID, field: router.OptKeyID},
		{name: "empty keyid", opts: with(validOpts(), router.OptKeyID, ""), args: wamp.List{payload}, reason: router.ReasonKeyID, field: router.OptKeyID},
		{name: "long keyid", opts: with(validOpts(), router.OptKeyID, strings.Repeat("a", router.DefaultMaxKeyID+1)), args: wamp.List{payload}, reason: router.ReasonKeyID, field: router.OptKeyID},
		{name: "keyid control char", opts: with(validOpts(), router.OptKeyID, "abc\ndef"), args: wamp.List{payload}, reason: router.ReasonKeyID, field: router.OptKeyID},
		{name: "no arguments (N3)", opts: validOpts(), args: nil, reason: router.ReasonArguments, field: "Arguments"},
		{name: "two arguments", opts: validOpts(), args: wamp.List{payload, payload}, reason: router.ReasonArguments, field: "Arguments"},
		{name: "int argument (N3)", opts: validOpts(), args: wamp.List{int64(1)}, reason: router.ReasonPayloadType, field: "Arguments[0]"},
		{name: "nil argument", opts: validOpts(), args: wamp.List{nil}, reason: router.ReasonPayloadType, field: "Arguments[0]"},
		{name: "map argument", opts: validOpts(), args: wamp.List{map[string]any{"args": []any{}}}, reason: router.ReasonPayloadType, field: "Arguments[0]"},
		{name: "empty payload", opts: validOpts(), args: wamp.List{[]byte{}}, reason: router.ReasonPayloadSize, field: "Arguments[0]"},
		{name: "oversized payload", opts: validOpts(), args: wamp.List{make([]byte, router.DefaultMaxPayload+1)}, reason: router.ReasonPayloadSize, field: "Arguments[0]"},
		{name: "json oversized base64", json: true, opts: validOpts(), args: wamp.List{strings.Repeat("A", base64.StdEncoding.EncodedLen(router.DefaultMaxPayload)+4)}, reason: router.ReasonPayloadSize, field: "Arguments[0]"},
		{name: "kwargs present (N5)", opts: validOpts(), args: wamp.List{payload}, kwargs: wamp.Dict{"secret": 1}, reason: router.ReasonKwargs, field: "ArgumentsKw"},
	}
	for _, opt := range []string{router.OptScheme, router.OptSerializer, router.OptCipher, router.OptKeyID} {
		for tn, v := range badValues() {
			cases = append(cases, checkCase{
				name: opt + " " + tn + " (N1)", opts: with(validOpts(), opt, v), args: wamp.List{payload},
				reason: router.ReasonOptionType, field: opt,
			})
		}
	}
	return cases
}

// messagesFor builds the four checked message kinds around the same fields.
func messagesFor(c checkCase) []wamp.Message {
	clone := func() (wamp.Dict, wamp.List) {
		var d wamp.Dict
		if c.opts != nil {
			d = wamp.Dict{}
			maps.Copy(d, c.opts)
		}
		return d, append(wamp.List(nil), c.args...)
	}
	o1, a1 := clone()
	o2, a2 := clone()
	o3, a3 := clone()
	o4, a4 := clone()
	return []wamp.Message{
		&wamp.Publish{Request: 1, Options: o1, Topic: "t", Arguments: a1, ArgumentsKw: c.kwargs},
		&wamp.Call{Request: 1, Options: o2, Procedure: "p", Arguments: a2, ArgumentsKw: c.kwargs},
		&wamp.Yield{Request: 1, Options: o3, Arguments: a3, ArgumentsKw: c.kwargs},
		&wamp.Error{Type: wamp.INVOCATION, Request: 1, Details: o4, Error: "app.error", Arguments: a4, ArgumentsKw: c.kwargs},
	}
}

func TestPolicyCheck(t *testing.T) {
	p := router.DefaultPolicy()
	for _, c := range checkCases() {
		for _, msg := range messagesFor(c) {
			t.Run(c.name+"/"+msg.MessageType().String(), func(t *testing.T) {
				rerr := p.Check(msg, c.json)
				if c.reason == router.NumReasons {
					require.Nil(t, rerr)
					return
				}
				require.NotNil(t, rerr)
				assert.Equal(t, c.reason, rerr.Reason, rerr.Error())
				assert.Equal(t, c.field, rerr.Field)
				assert.Contains(t, rerr.Error(), c.field)
			})
		}
	}
}

// A valid PPT payload is normalized to BinaryData in a fresh list.
func TestPolicyCheckNormalizes(t *testing.T) {
	p := router.DefaultPolicy()
	payload := []byte{0, 1, 2, 0xff}
	for _, arg := range []any{payload, "\x00" + base64.StdEncoding.EncodeToString(payload), base64.StdEncoding.EncodeToString(payload)} {
		orig := wamp.List{arg}
		msg := &wamp.Publish{Options: validOpts(), Topic: "t", Arguments: orig}
		require.Nil(t, p.Check(msg, true))
		require.Len(t, msg.Arguments, 1)
		assert.Equal(t, serialize.BinaryData(payload), msg.Arguments[0])
		assert.Equal(t, arg, orig[0], "caller's list untouched")
	}
	// Non-PPT messages are left alone.
	msg := &wamp.Publish{Topic: "t", Arguments: wamp.List{"plain"}}
	require.Nil(t, p.Check(msg, false))
	assert.Equal(t, wamp.List{"plain"}, msg.Arguments)
}

// The error text names the option and never the value.
func TestRejectErrorNoValues(t *testing.T) {
	p := router.DefaultPolicy()
	secret := "SECRET-VALUE-1234"
	for _, opt := range []string{router.OptScheme, router.OptSerializer, router.OptCipher} {
		rerr := p.Check(&wamp.Publish{Options: with(validOpts(), opt, secret), Arguments: wamp.List{[]byte("x")}}, false)
		require.NotNil(t, rerr, opt)
		assert.NotContains(t, rerr.Error(), secret)
		assert.Contains(t, rerr.Error(), opt)
	}
	rerr := p.Check(&wamp.Publish{Options: validOpts(), Arguments: wamp.List{secret}}, false)
	require.NotNil(t, rerr)
	assert.NotContains(t, rerr.Error(), secret)
}

func TestPolicyConfigurable(t *testing.T) {
	p := router.Policy{
		Schemes:     []string{"wamp", "mqtt", "x_custom"},
		E2EESchemes: []string{"wamp"},
		AnyCipher:   true,
		MaxPayload:  8,
		MaxKeyID:    4,
	}.WithDefaults()
	payload := []byte("12345678")
	cases := []struct {
		opts   wamp.Dict
		args   wamp.List
		reason router.Reason
	}{
		{wamp.Dict{router.OptScheme: "mqtt", router.OptSerializer: "json"}, wamp.List{payload}, router.NumReasons},
		{wamp.Dict{router.OptScheme: "x_custom", router.OptSerializer: "msgpack"}, wamp.List{payload}, router.NumReasons},
		{wamp.Dict{router.OptScheme: "mqtt"}, wamp.List{payload}, router.ReasonSerializer},
		{wamp.Dict{router.OptScheme: "x_custom", router.OptSerializer: "native"}, wamp.List{payload}, router.ReasonSerializer},
		{wamp.Dict{router.OptScheme: "x_other", router.OptSerializer: "cbor"}, wamp.List{payload}, router.ReasonScheme},
		{wamp.Dict{router.OptScheme: "wamp.eth", router.OptSerializer: "cbor", router.OptCipher: "c", router.OptKeyID: "k"}, wamp.List{payload}, router.ReasonScheme},
		{wamp.Dict{router.OptScheme: "wamp", router.OptSerializer: "cbor", router.OptCipher: "aes256gcm", router.OptKeyID: "k1"}, wamp.List{payload}, router.NumReasons},
		{wamp.Dict{router.OptScheme: "wamp", router.OptSerializer: "cbor", router.OptCipher: "aes256gcm", router.OptKeyID: "k1234"}, wamp.List{payload}, router.ReasonKeyID},
		{wamp.Dict{router.OptScheme: "mqtt", router.OptSerializer: "json"}, wamp.List{append(payload, 9)}, router.ReasonPayloadSize},
	}
	for i, c := range cases {
		rerr := p.Check(&wamp.Call{Options: c.opts, Procedure: "p", Arguments: c.args}, false)
		if c.reason == router.NumReasons {
			assert.Nil(t, rerr, "case %d", i)
			continue
		}
		if assert.NotNil(t, rerr, "case %d", i) {
			assert.Equal(t, c.reason, rerr.Reason, "case %d: %v", i, rerr)
		}
	}
}

func TestReasonStrings(t *testing.T) {
	seen := map[string]bool{}
	for r := range router.Reason(router.NumReasons) {
		s := r.String()
		assert.NotContains(t, s, "reason(", "reason %d has no name", r)
		assert.False(t, seen[s], "duplicate label %s", s)
		seen[s] = true
	}
	assert.Equal(t, "reason(200)", router.Reason(200).String())
}

// Messages other than PUBLISH, CALL, YIELD and ERROR are not inspected.
func TestPolicyCheckOtherTypes(t *testing.T) {
	p := router.DefaultPolicy()
	bad := wamp.Dict{router.OptSerializer: 7}
	for _, msg := range []wamp.Message{
		&wamp.Subscribe{Options: bad, Topic: "t"},
		&wamp.Register{Options: bad, Procedure: "p"},
		&wamp.Hello{Realm: "r", Details: bad},
		&wamp.Goodbye{Details: bad},
	} {
		assert.Nil(t, p.Check(msg, false), msg.MessageType().String())
	}
}

func TestSchemeAllowed(t *testing.T) {
	def := router.DefaultSchemes()
	for scheme, want := range map[string]bool{
		"wamp": true, "wamp.eth": true, "mqtt": true, "x_custom": true, "x_my_ppt": true,
		"": false, "x_": false, "x": false, "y_custom": false, "MQTT": false, "wamp.": false,
	} {
		assert.Equal(t, want, router.SchemeAllowed(def, scheme), scheme)
	}
	assert.True(t, router.SchemeAllowed([]string{"x_acme_*"}, "x_acme_v1"))
	assert.False(t, router.SchemeAllowed([]string{"x_acme_*"}, "x_other"))
	assert.False(t, router.SchemeAllowed([]string{"x_acme_*"}, "wamp"))
	assert.False(t, router.SchemeAllowed(nil, "wamp"))
}
