package envelope_test

import (
	"crypto/rand"
	"fmt"

	"github.com/wamp-e2ee/e2ee-node/e2ee"
	"github.com/wamp-e2ee/e2ee-node/e2ee/envelope"
)

// oneKey is a KeyLookup that knows one payload key (keyring.Cache is the
// real one).
type oneKey struct {
	id  string
	key [envelope.KeySize]byte
	win *envelope.ReplayWindow
}

func (k *oneKey) LookupKey(id string, key *[envelope.KeySize]byte) (envelope.ReceiveState, error) {
	if id != k.id {
		return envelope.ReceiveState{}, envelope.ErrUnknownKey
	}
	*key = k.key
	return envelope.ReceiveState{Window: k.win}, nil
}

// A publisher seals an event's payload under a payload key; the subscriber
// opens it with the same key, checking it against the URI and message kind
// it was delivered with.
func Example() {
	loc, err := envelope.NewLocator()
	if err != nil {
		panic(err)
	}
	id, err := envelope.NewKeyID(loc)
	if err != nil {
		panic(err)
	}
	key := envelope.SealKey{ID: id.String(), KeyRPC: id.KeyRPCURI("e2ee.key")}
	if _, err := rand.Read(key.Key[:]); err != nil {
		panic(err)
	}

	// The publisher: seal into a reusable buffer, send in Payload Passthru Mode.
	sealer, err := envelope.NewSealer(envelope.SealOptions{})
	if err != nil {
		panic(err)
	}
	key.Seq++ // strictly increasing per key
	payload, err := sealer.Seal(nil, &key, &envelope.Message{
		URI: "com.example.telemetry", Kind: e2ee.KindPublish,
		Args: []any{"sensor-7"}, Kwargs: map[string]any{"reading": 7},
	})
	if err != nil {
		panic(err)
	}
	options := envelope.PutOptions(nil, key.ID, key.KeyRPC)
	args := []any{payload}

	// The subscriber, holding the key (fetched over the key RPC).
	keys := &oneKey{id: key.ID, key: key.Key, win: envelope.NewReplayWindow(64)}
	opener, err := envelope.NewOpener(envelope.OpenOptions{})
	if err != nil {
		panic(err)
	}
	got, err := opener.Open(options, args, nil, envelope.Delivery{URI: "com.example.telemetry", Kind: e2ee.KindPublish}, keys)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Args[0], got.Kwargs["reading"], got.Seq)

	// The same payload delivered as a call is refused.
	_, err = opener.Open(options, args, nil, envelope.Delivery{URI: "com.example.telemetry", Kind: e2ee.KindCall}, keys)
	fmt.Println(err != nil)
	// Output:
	// sensor-7 7 1
	// true
}
