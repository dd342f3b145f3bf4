package msgpack

import (
	"encoding/binary"
	"fmt"
	"math"
	"reflect"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
)

// encoder appends msgpack to buf, choosing the formats ugorji chooses.
type encoder struct {
	buf []byte
	err error // set when a length does not fit msgpack's 32 bits
}

func (e *encoder) nil() { e.buf = append(e.buf, 0xc0) }

func (e *encoder) bool(b bool) {
	if b {
		e.buf = append(e.buf, 0xc3)
	} else {
		e.buf = append(e.buf, 0xc2)
	}
}

// uint encodes an unsigned Go integer (ugorji's EncodeUint).
func (e *encoder) uint(u uint64) {
	switch {
	case u <= math.MaxInt8:
		e.buf = append(e.buf, byte(u))
	case u <= math.MaxUint8:
		e.buf = append(e.buf, 0xcc, byte(u))
	case u <= math.MaxUint16:
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, 0xcd), uint16(u))
	case u <= math.MaxUint32:
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, 0xce), uint32(u))
	default:
		e.buf = binary.BigEndian.AppendUint64(append(e.buf, 0xcf), u)
	}
}

// int encodes a signed Go integer (ugorji's EncodeInt without
// PositiveIntUnsigned: positive values above 127 use signed formats).
func (e *encoder) int(i int64) {
	switch {
	case i > math.MaxInt32 || i < math.MinInt32:
		e.buf = binary.BigEndian.AppendUint64(append(e.buf, 0xd3), uint64(i))
	case i > math.MaxInt16 || i < math.MinInt16:
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, 0xd2), uint32(i))
	case i > math.MaxInt8 || i < math.MinInt8:
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, 0xd1), uint16(i))
	case i >= -32:
		e.buf = append(e.buf, byte(i))
	default:
		e.buf = append(e.buf, 0xd0, byte(i))
	}
}

func (e *encoder) float32(f float32) {
	e.buf = binary.BigEndian.AppendUint32(append(e.buf, 0xca), math.Float32bits(f))
}

func (e *encoder) float64(f float64) {
	e.buf = binary.BigEndian.AppendUint64(append(e.buf, 0xcb), math.Float64bits(f))
}

// header writes a length with a fix form below fixMax and 8-bit (if b8 is
// not 0), 16-bit and 32-bit forms starting at b8 or b16.
func (e *encoder) header(n int, fix byte, fixMax int, b8, b16 byte) {
	switch {
	case n < fixMax:
		e.buf = append(e.buf, fix|byte(n))
	case b8 != 0 && n <= math.MaxUint8:
		e.buf = append(e.buf, b8, byte(n))
	case n <= math.MaxUint16:
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, b16), uint16(n))
	default:
		if uint64(n) > math.MaxUint32 {
			e.err = fmt.Errorf("msgpack: length %d exceeds 2^32-1", n)
		}
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, b16+1), uint32(n))
	}
}

func (e *encoder) arrayHeader(n int) { e.header(n, 0x90, 16, 0, 0xdc) }

func (e *encoder) mapHeader(n int) { e.header(n, 0x80, 16, 0, 0xde) }

func (e *encoder) str(s string) {
	e.header(len(s), 0xa0, 32, 0xd9, 0xda)
	e.buf = append(e.buf, s...)
}

// bin encodes a byte slice; nil is encoded as nil, as ugorji does.
func (e *encoder) bin(b []byte) {
	if b == nil {
		e.nil()
		return
	}
	switch n := len(b); {
	case n <= math.MaxUint8:
		e.buf = append(e.buf, 0xc4, byte(n))
	case n <= math.MaxUint16:
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, 0xc5), uint16(n))
	default:
		if uint64(n) > math.MaxUint32 {
			e.err = fmt.Errorf("msgpack: length %d exceeds 2^32-1", n)
		}
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, 0xc6), uint32(n))
	}
	e.buf = append(e.buf, b...)
}

// maxEncodeDepth bounds the nesting Serialize follows (a guard against
// cyclic values). It is twice maxDepth so that nexus can nest a decoded value
// a few levels deeper (meta events carry a session's HELLO details) and
// still send it; what lies between the two limits is encoded but refused by
// every decoder, nexus's included.
const maxEncodeDepth = 2 * maxDepth

func deepError(depth int) error {
	return fmt.Errorf("msgpack: value nested deeper than %d levels (at %d)", maxEncodeDepth, depth)
}

// list encodes a list as the container at the given depth; nil is nil.
func (e *encoder) list(l []any, depth int) error {
	if l == nil {
		e.nil()
		return nil
	}
	if depth > maxEncodeDepth {
		return deepError(depth)
	}
	e.arrayHeader(len(l))
	for _, v := range l {
		if err := e.value(v, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// dict encodes a map as the container at the given depth; nil is nil.
func (e *encoder) dict(m map[string]any, depth int) error {
	if m == nil {
		e.nil()
		return nil
	}
	if depth > maxEncodeDepth {
		return deepError(depth)
	}
	e.mapHeader(len(m))
	for k, v := range m {
		e.str(k)
		if err := e.value(v, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// value encodes v; depth is the level v would have if it is a container.
// Types outside the fast path are encoded by nexus's serializer.
func (e *encoder) value(v any, depth int) error {
	switch x := v.(type) {
	case nil:
		e.nil()
	case string:
		e.str(x)
	case []byte:
		e.bin(x)
	case serialize.BinaryData: // what e2ee/router forwards PPT payloads as
		e.bin(x)
	case bool:
		e.bool(x)
	case int:
		e.int(int64(x))
	case int64:
		e.int(x)
	case int32:
		e.int(int64(x))
	case int16:
		e.int(int64(x))
	case int8:
		e.int(int64(x))
	case uint:
		e.uint(uint64(x))
	case uint64:
		e.uint(x)
	case uint32:
		e.uint(uint64(x))
	case uint16:
		e.uint(uint64(x))
	case uint8:
		e.uint(uint64(x))
	case float64:
		e.float64(x)
	case float32:
		e.float32(x)
	case wamp.ID:
		e.uint(uint64(x))
	case wamp.URI:
		e.str(string(x))
	case wamp.Dict:
		return e.dict(x, depth)
	case map[string]any:
		return e.dict(x, depth)
	case wamp.List:
		return e.list(x, depth)
	case []any:
		return e.list(x, depth)
	case []string:
		if x == nil {
			e.nil()
			return nil
		}
		if depth > maxEncodeDepth {
			return deepError(depth)
		}
		e.arrayHeader(len(x))
		for _, s := range x {
			e.str(s)
		}
	case []wamp.URI:
		if x == nil {
			e.nil()
			return nil
		}
		if depth > maxEncodeDepth {
			return deepError(depth)
		}
		e.arrayHeader(len(x))
		for _, s := range x {
			e.str(string(s))
		}
	case map[string]string:
		if x == nil {
			e.nil()
			return nil
		}
		if depth > maxEncodeDepth {
			return deepError(depth)
		}
		e.mapHeader(len(x))
		for k, s := range x {
			e.str(k)
			e.str(s)
		}
	default:
		b, err := (&serialize.MessagePackSerializer{}).SerializeDataItem(v)
		if err != nil {
			return fmt.Errorf("msgpack: encoding %T: %w", v, err)
		}
		e.buf = append(e.buf, b...)
	}
	return nil
}

// argCount is how many of Arguments and ArgumentsKw nexus's msgToList keeps:
// trailing empty omitempty fields are dropped.
func argCount(args wamp.List, kw wamp.Dict) int {
	switch {
	case len(kw) > 0:
		return 2
	case len(args) > 0:
		return 1
	}
	return 0
}

// args encodes the kept Arguments and ArgumentsKw.
func (e *encoder) args(n int, args wamp.List, kw wamp.Dict) error {
	if n == 0 {
		return nil
	}
	if err := e.list(args, 2); err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	return e.dict(kw, 2)
}

// start writes the message array header and the message type.
func (e *encoder) start(n int, t wamp.MessageType) {
	e.arrayHeader(n)
	e.int(int64(t))
}

// nilMessage reports a nil message pointer (nexus would panic on it).
func nilMessage(m wamp.Message) error { return fmt.Errorf("msgpack: nil %T", m) }

// message encodes msg as nexus's msgToList would list it. It reports false,
// having written nothing, for message types outside the fast path.
func (e *encoder) message(msg wamp.Message) (bool, error) {
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Pointer && v.IsNil() {
		return true, nilMessage(msg) // nexus would panic
	}
	switch m := msg.(type) {
	case *wamp.Hello:
		e.start(3, wamp.HELLO)
		e.str(string(m.Realm))
		return true, e.dict(m.Details, 2)
	case *wamp.Welcome:
		e.start(3, wamp.WELCOME)
		e.uint(uint64(m.ID))
		return true, e.dict(m.Details, 2)
	case *wamp.Abort:
		e.start(3, wamp.ABORT)
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		e.str(string(m.Reason))
	case *wamp.Challenge:
		e.start(3, wamp.CHALLENGE)
		e.str(m.AuthMethod)
		return true, e.dict(m.Extra, 2)
	case *wamp.Authenticate:
		e.start(3, wamp.AUTHENTICATE)
		e.str(m.Signature)
		return true, e.dict(m.Extra, 2)
	case *wamp.Goodbye:
		e.start(3, wamp.GOODBYE)
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		e.str(string(m.Reason))
	case *wamp.Error:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(5+n, wamp.ERROR)
		e.int(int64(m.Type))
		e.uint(uint64(m.Request))
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		e.str(string(m.Error))
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Publish:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(4+n, wamp.PUBLISH)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Options, 2); err != nil {
			return true, err
		}
		e.str(string(m.Topic))
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Published:
		e.start(3, wamp.PUBLISHED)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Publication))
	case *wamp.Subscribe:
		e.start(4, wamp.SUBSCRIBE)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Options, 2); err != nil {
			return true, err
		}
		e.str(string(m.Topic))
	case *wamp.Subscribed:
		e.start(3, wamp.SUBSCRIBED)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Subscription))
	case *wamp.Unsubscribe:
		e.start(3, wamp.UNSUBSCRIBE)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Subscription))
	case *wamp.Unsubscribed:
		e.start(2, wamp.UNSUBSCRIBED)
		e.uint(uint64(m.Request))
	case *wamp.Event:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(4+n, wamp.EVENT)
		e.uint(uint64(m.Subscription))
		e.uint(uint64(m.Publication))
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Call:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(4+n, wamp.CALL)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Options, 2); err != nil {
			return true, err
		}
		e.str(string(m.Procedure))
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Cancel:
		e.start(3, wamp.CANCEL)
		e.uint(uint64(m.Request))
		return true, e.dict(m.Options, 2)
	case *wamp.Result:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(3+n, wamp.RESULT)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Register:
		e.start(4, wamp.REGISTER)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Options, 2); err != nil {
			return true, err
		}
		e.str(string(m.Procedure))
	case *wamp.Registered:
		e.start(3, wamp.REGISTERED)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Registration))
	case *wamp.Unregister:
		e.start(3, wamp.UNREGISTER)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Registration))
	case *wamp.Unregistered:
		e.start(2, wamp.UNREGISTERED)
		e.uint(uint64(m.Request))
	case *wamp.Invocation:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(4+n, wamp.INVOCATION)
		e.uint(uint64(m.Request))
		e.uint(uint64(m.Registration))
		if err := e.dict(m.Details, 2); err != nil {
			return true, err
		}
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	case *wamp.Interrupt:
		e.start(3, wamp.INTERRUPT)
		e.uint(uint64(m.Request))
		return true, e.dict(m.Options, 2)
	case *wamp.Yield:
		n := argCount(m.Arguments, m.ArgumentsKw)
		e.start(3+n, wamp.YIELD)
		e.uint(uint64(m.Request))
		if err := e.dict(m.Options, 2); err != nil {
			return true, err
		}
		return true, e.args(n, m.Arguments, m.ArgumentsKw)
	default:
		return false, nil
	}
	return true, nil
}
