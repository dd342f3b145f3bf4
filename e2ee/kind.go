package e2ee

import "strconv"

// MessageKind says which WAMP message an encrypted payload was sealed for. It
// is carried inside the sealed plaintext (key "kind") so that a router cannot
// turn, for example, a call's arguments into an event or a result: a receiver
// rejects a payload whose kind does not match the message it arrived in.
//
// The numeric values are part of the wire format (docs/protocol.md §1) and
// never change.
type MessageKind uint8

const (
	// KindPublish is a PUBLISH, delivered as EVENT.
	KindPublish MessageKind = 1
	// KindCall is a CALL, delivered as INVOCATION.
	KindCall MessageKind = 2
	// KindYield is a YIELD, delivered as RESULT.
	KindYield MessageKind = 3
	// KindError is an ERROR (a callee's error reply), delivered as ERROR.
	KindError MessageKind = 4
)

// Valid reports whether k is one of the four defined kinds.
func (k MessageKind) Valid() bool { return k >= KindPublish && k <= KindError }

// String returns the name of the sending message type ("publish", "call",
// "yield", "error"), or "kind(N)" for an undefined value.
func (k MessageKind) String() string {
	switch k {
	case KindPublish:
		return "publish"
	case KindCall:
		return "call"
	case KindYield:
		return "yield"
	case KindError:
		return "error"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}
