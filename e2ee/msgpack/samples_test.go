package msgpack

import (
	"math"
	"math/rand/v2"

	"github.com/gammazero/nexus/v3/wamp"
)

// randBytes returns n deterministic pseudo-random bytes.
func randBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// pptOptions are the options of an E2EE PUBLISH (and details of its EVENT).
func pptOptions() wamp.Dict {
	return wamp.Dict{
		"ppt_scheme":           "wamp",
		"ppt_serializer":       "cbor",
		"ppt_cipher":           "xsalsa20poly1305",
		"ppt_keyid":            "177cc614f1826675.1200c2cdebe1adf234ddcacf79c683e3",
		"e2ee_request_key_rpc": "e2ee.key.177cc614f1826675",
	}
}

func plainPublish() *wamp.Publish {
	return &wamp.Publish{Request: 4242, Options: wamp.Dict{}, Topic: "com.example.topic",
		Arguments: wamp.List{randBytes(1024, 1)}}
}

func e2eePublish() *wamp.Publish {
	return &wamp.Publish{Request: 4243, Options: pptOptions(), Topic: "com.example.topic",
		Arguments: wamp.List{randBytes(1177, 2)}}
}

func e2eeEvent() *wamp.Event {
	d := pptOptions()
	delete(d, "e2ee_request_key_rpc")
	return &wamp.Event{Subscription: 7340032, Publication: 5764607523034234, Details: d,
		Arguments: wamp.List{randBytes(1177, 3)}}
}

func nestedCall() *wamp.Call {
	return &wamp.Call{Request: 99, Options: wamp.Dict{"timeout": 1000, "receive_progress": true},
		Procedure: "com.example.add", Arguments: wamp.List{1, -2, 3.5, "four"},
		ArgumentsKw: wamp.Dict{
			"user":  map[string]any{"name": "alice", "age": 30, "tags": []any{"a", "b"}},
			"items": wamp.List{wamp.Dict{"id": wamp.ID(1), "qty": uint8(2)}, []string{"x", "y"}},
			"blob":  []byte{1, 2, 3},
			"none":  nil,
		}}
}

type sample struct {
	name string
	msg  wamp.Message
}

// samples has every fast-path message type, in several shapes.
func samples() []sample {
	args := wamp.List{1, "two", 3.0}
	kw := wamp.Dict{"k": "v"}
	return []sample{
		{"hello", &wamp.Hello{Realm: "realm1", Details: wamp.Dict{
			"roles": wamp.Dict{"publisher": wamp.Dict{}, "subscriber": wamp.Dict{
				"features": wamp.Dict{"pattern_based_subscription": true}}},
			"authmethods": []string{"cryptosign"}, "authid": "alice",
			"authextra": map[string]any{"pubkey": "00ff", "channel_binding": nil}}}},
		{"hello-nil-details", &wamp.Hello{Realm: "realm1"}},
		{"hello-empty", &wamp.Hello{}},
		{"welcome", &wamp.Welcome{ID: 1 << 53, Details: wamp.Dict{"authrole": "user"}}},
		{"abort", &wamp.Abort{Details: wamp.Dict{"message": "no"}, Reason: wamp.ErrNoSuchRealm}},
		{"challenge", &wamp.Challenge{AuthMethod: "cryptosign", Extra: wamp.Dict{"challenge": "a1b2"}}},
		{"authenticate", &wamp.Authenticate{Signature: "deadbeef", Extra: wamp.Dict{}}},
		{"goodbye", &wamp.Goodbye{Details: wamp.Dict{}, Reason: wamp.CloseRealm}},
		{"goodbye-nil", &wamp.Goodbye{}},
		{"error", &wamp.Error{Type: wamp.CALL, Request: 12, Details: wamp.Dict{}, Error: wamp.ErrInvalidArgument,
			Arguments: args, ArgumentsKw: kw}},
		{"error-bare", &wamp.Error{Type: wamp.SUBSCRIBE, Request: 13, Error: wamp.ErrNotAuthorized}},
		{"error-kw-only", &wamp.Error{Type: wamp.CALL, Request: 14, Details: wamp.Dict{}, Error: "x", ArgumentsKw: kw}},
		{"error-zero", &wamp.Error{}},
		{"publish-plain", plainPublish()},
		{"publish-e2ee", e2eePublish()},
		{"publish-bare", &wamp.Publish{Request: 1, Options: wamp.Dict{"acknowledge": true}, Topic: "t"}},
		{"publish-empty-args", &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", Arguments: wamp.List{}, ArgumentsKw: wamp.Dict{}}},
		{"publish-kw-only", &wamp.Publish{Request: 1, Options: wamp.Dict{}, Topic: "t", ArgumentsKw: kw}},
		{"publish-empty-args-kw", &wamp.Publish{Request: 1, Topic: "t", Arguments: wamp.List{}, ArgumentsKw: kw}},
		{"published", &wamp.Published{Request: 1, Publication: math.MaxUint64}},
		{"subscribe", &wamp.Subscribe{Request: 2, Options: wamp.Dict{"match": "prefix"}, Topic: "com.example"}},
		{"subscribed", &wamp.Subscribed{Request: 2, Subscription: 300}},
		{"unsubscribe", &wamp.Unsubscribe{Request: 3, Subscription: 300}},
		{"unsubscribed", &wamp.Unsubscribed{Request: 3}},
		{"event-e2ee", e2eeEvent()},
		{"event-bare", &wamp.Event{Subscription: 1, Publication: 2, Details: wamp.Dict{}}},
		{"event-args", &wamp.Event{Subscription: 1, Publication: 2, Details: wamp.Dict{"topic": "a.b"}, Arguments: args}},
		{"call-nested", nestedCall()},
		{"call-bare", &wamp.Call{Request: 5, Options: wamp.Dict{}, Procedure: "p"}},
		{"cancel", &wamp.Cancel{Request: 5, Options: wamp.Dict{"mode": "kill"}}},
		{"result", &wamp.Result{Request: 5, Details: wamp.Dict{"progress": true}, Arguments: args, ArgumentsKw: kw}},
		{"result-bare", &wamp.Result{Request: 5, Details: wamp.Dict{}}},
		{"register", &wamp.Register{Request: 6, Options: wamp.Dict{"invoke": "roundrobin"}, Procedure: "p"}},
		{"registered", &wamp.Registered{Request: 6, Registration: 77}},
		{"unregister", &wamp.Unregister{Request: 7, Registration: 77}},
		{"unregistered", &wamp.Unregistered{Request: 7}},
		{"invocation", &wamp.Invocation{Request: 8, Registration: 77, Details: wamp.Dict{}, Arguments: wamp.List{randBytes(40, 4)}}},
		{"interrupt", &wamp.Interrupt{Request: 8, Options: wamp.Dict{"mode": "killnowait"}}},
		{"yield", &wamp.Yield{Request: 8, Options: wamp.Dict{}, Arguments: args}},
		{"yield-kw", &wamp.Yield{Request: 8, Options: wamp.Dict{"progress": false}, Arguments: args, ArgumentsKw: kw}},
	}
}
