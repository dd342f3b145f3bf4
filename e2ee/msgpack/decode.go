package msgpack

import (
	"encoding/binary"
	"fmt"
	"math"
	"sync/atomic"
	"time"

	"github.com/gammazero/nexus/v3/wamp"
	"github.com/ugorji/go/codec"
)

// maxDepth is the deepest array/map nesting Deserialize accepts, counting
// the message array as level 1: ugorji's limit as nexus uses it (it refuses
// the 1024th level), so that both accept and refuse the same nesting.
const maxDepth = 1023

// Up-front capacity of decoded containers. A claimed length only has to fit
// in the remaining input (one byte per element), but a slot costs more than
// a byte: preallocating what a frame claims would let it make the decoder
// allocate many times its own size (a 4 MiB frame claiming 2 million map
// entries). So at most listPrealloc / dictPrealloc slots are reserved per
// container and, per message, no more slot bytes than the input's length;
// containers grow as their elements actually arrive.
const (
	listPrealloc, listSlotBytes = 1024, 16 // an interface value
	dictPrealloc, dictSlotBytes = 64, 48   // a string key and an interface value, roughly
)

// kind classifies one msgpack item as ugorji would decode it into an empty
// interface.
type kind uint8

const (
	kNil   kind = iota
	kBool       // u is 0 or 1
	kInt        // positive/negative fixint and int8..int64: u holds the int64 bits
	kUint       // uint8..uint64: u
	kFloat      // float32 or float64: u holds the float64 bits
	kStr        // raw holds the bytes
	kBin        // raw holds the bytes
	kArray      // u is the element count
	kMap        // u is the entry count
	kTime       // timestamp extension: raw holds the 4, 8 or 12 payload bytes
	kExt        // other extension: u is the type byte, raw the payload
)

var kindNames = [...]string{ // immutable
	kNil: "nil", kBool: "bool", kInt: "int", kUint: "uint", kFloat: "float",
	kStr: "str", kBin: "bin", kArray: "array", kMap: "map", kTime: "timestamp", kExt: "extension",
}

func (k kind) String() string { return kindNames[k] }

// token is the header of one msgpack item, with the payload of scalars.
type token struct {
	kind kind
	u    uint64
	raw  []byte
}

// decoder reads one message from data in a single pass.
type decoder struct {
	data []byte
	pos  int
	// budget bounds the bytes of slots preallocated for arrays and maps
	// (see listPrealloc); every claimed length is also checked against the
	// remaining input.
	budget int
	// args, if not nil, backs a one-element Arguments list so that it shares
	// the message's allocation.
	args *[1]any
	// recent, if not nil, remembers long string values (see str).
	recent *recentStrings
}

func (d *decoder) errorf(format string, a ...any) error {
	return fmt.Errorf("msgpack: offset %d: %s", d.pos, fmt.Sprintf(format, a...))
}

func (d *decoder) truncated() error { return d.errorf("unexpected end of input") }

// take returns the next n bytes of the input (capacity limited to n).
func (d *decoder) take(n uint64) ([]byte, error) {
	if n > uint64(len(d.data)-d.pos) {
		return nil, d.truncated()
	}
	end := d.pos + int(n)
	b := d.data[d.pos:end:end]
	d.pos = end
	return b, nil
}

// be reads an n-byte (1, 2, 4 or 8) big-endian unsigned integer.
func (d *decoder) be(n int) (uint64, error) {
	if n > len(d.data)-d.pos {
		return 0, d.truncated()
	}
	b := d.data[d.pos : d.pos+n]
	d.pos += n
	switch n {
	case 1:
		return uint64(b[0]), nil
	case 2:
		return uint64(binary.BigEndian.Uint16(b)), nil
	case 4:
		return uint64(binary.BigEndian.Uint32(b)), nil
	default:
		return binary.BigEndian.Uint64(b), nil
	}
}

// raw reads an n-byte length followed by that many bytes.
func (d *decoder) raw(k kind, n int) (token, error) {
	l, err := d.be(n)
	if err != nil {
		return token{}, err
	}
	b, err := d.take(l)
	return token{kind: k, raw: b}, err
}

// container reads an n-byte element count and checks it against the input:
// every element takes at least one byte.
func (d *decoder) container(k kind, n int) (token, error) {
	l, err := d.be(n)
	if err != nil {
		return token{}, err
	}
	return d.checkLen(k, l)
}

func (d *decoder) checkLen(k kind, l uint64) (token, error) {
	need := l
	if k == kMap {
		need *= 2 // cannot overflow: l < 2^32
	}
	if need > uint64(len(d.data)-d.pos) {
		return token{}, d.errorf("%s of %d elements exceeds the remaining %d bytes", k, l, len(d.data)-d.pos)
	}
	return token{kind: k, u: l}, nil
}

// ext reads an extension of the given payload length (or an n-byte length
// when fixed is 0). The timestamp extension (type -1) must have a payload of
// 4, 8 or 12 bytes; other types are kept raw, as ugorji keeps them.
func (d *decoder) ext(fixed uint64, n int) (token, error) {
	l := fixed
	if n > 0 {
		var err error
		if l, err = d.be(n); err != nil {
			return token{}, err
		}
	}
	typ, err := d.be(1)
	if err != nil {
		return token{}, err
	}
	if typ != 0xff {
		b, err := d.take(l)
		return token{kind: kExt, u: typ, raw: b}, err
	}
	if l != 4 && l != 8 && l != 12 {
		return token{}, d.errorf("timestamp extension of %d bytes, want 4, 8 or 12", l)
	}
	b, err := d.take(l)
	return token{kind: kTime, raw: b}, err
}

// next reads the header of the next item (and the payload of scalars).
func (d *decoder) next() (token, error) {
	if d.pos >= len(d.data) {
		return token{}, d.truncated()
	}
	c := d.data[d.pos]
	d.pos++
	switch {
	case c <= 0x7f:
		return token{kind: kInt, u: uint64(c)}, nil
	case c >= 0xe0:
		return token{kind: kInt, u: uint64(int64(int8(c)))}, nil
	case c >= 0xa0 && c <= 0xbf:
		b, err := d.take(uint64(c & 0x1f))
		return token{kind: kStr, raw: b}, err
	case c >= 0x90 && c <= 0x9f:
		return d.checkLen(kArray, uint64(c&0x0f))
	case c >= 0x80 && c <= 0x8f:
		return d.checkLen(kMap, uint64(c&0x0f))
	}
	switch c {
	case 0xc0:
		return token{kind: kNil}, nil
	case 0xc2:
		return token{kind: kBool}, nil
	case 0xc3:
		return token{kind: kBool, u: 1}, nil
	case 0xc4:
		return d.raw(kBin, 1)
	case 0xc5:
		return d.raw(kBin, 2)
	case 0xc6:
		return d.raw(kBin, 4)
	case 0xc7:
		return d.ext(0, 1)
	case 0xc8:
		return d.ext(0, 2)
	case 0xc9:
		return d.ext(0, 4)
	case 0xca:
		u, err := d.be(4)
		f := float64(math.Float32frombits(uint32(u)))
		return token{kind: kFloat, u: math.Float64bits(f)}, err
	case 0xcb:
		u, err := d.be(8)
		return token{kind: kFloat, u: u}, err
	case 0xcc:
		u, err := d.be(1)
		return token{kind: kUint, u: u}, err
	case 0xcd:
		u, err := d.be(2)
		return token{kind: kUint, u: u}, err
	case 0xce:
		u, err := d.be(4)
		return token{kind: kUint, u: u}, err
	case 0xcf:
		u, err := d.be(8)
		return token{kind: kUint, u: u}, err
	case 0xd0:
		u, err := d.be(1)
		return token{kind: kInt, u: uint64(int64(int8(u)))}, err
	case 0xd1:
		u, err := d.be(2)
		return token{kind: kInt, u: uint64(int64(int16(u)))}, err
	case 0xd2:
		u, err := d.be(4)
		return token{kind: kInt, u: uint64(int64(int32(u)))}, err
	case 0xd3:
		u, err := d.be(8)
		return token{kind: kInt, u: u}, err
	case 0xd4:
		return d.ext(1, 0)
	case 0xd5:
		return d.ext(2, 0)
	case 0xd6:
		return d.ext(4, 0)
	case 0xd7:
		return d.ext(8, 0)
	case 0xd8:
		return d.ext(16, 0)
	case 0xd9:
		return d.raw(kStr, 1)
	case 0xda:
		return d.raw(kStr, 2)
	case 0xdb:
		return d.raw(kStr, 4)
	case 0xdc:
		return d.container(kArray, 2)
	case 0xdd:
		return d.container(kArray, 4)
	case 0xde:
		return d.container(kMap, 2)
	case 0xdf:
		return d.container(kMap, 4)
	}
	d.pos--
	return token{}, d.errorf("invalid type byte 0x%02x", c)
}

// fixstr consumes and returns the next item if it is a complete fixstr,
// the most common item; it is small enough to be inlined.
func (d *decoder) fixstr() ([]byte, bool) {
	p := d.pos
	if p >= len(d.data) || d.data[p]&0xe0 != 0xa0 {
		return nil, false
	}
	end := p + 1 + int(d.data[p]&0x1f)
	if end > len(d.data) {
		return nil, false
	}
	d.pos = end
	return d.data[p+1 : end : end], true
}

// str returns a str item's value: an interned constant, a recently
// decoded long string, or a copy.
func (d *decoder) str(b []byte) any {
	if v := internValue(b); v != nil {
		return v
	}
	if d.recent != nil && len(b) >= recentMin && len(b) <= recentMax {
		return d.recent.get(b)
	}
	return string(b)
}

// recentMin and recentMax bound the strings recentStrings remembers: the
// ppt_keyid of every message under one key (49 bytes), key-RPC and
// pattern-delivery URIs.
const (
	recentMin = 20
	recentMax = 64
)

// recentStrings remembers the last long string values one Serializer
// decoded, boxed, so that a value repeated message after message (the
// ppt_keyid of a stream under one key) costs neither a string nor an
// interface allocation. Safe for concurrent use.
type recentStrings struct {
	slots [2]atomic.Pointer[boxedString]
	next  atomic.Uint32
}

type boxedString struct {
	s string
	v any
}

func (r *recentStrings) get(b []byte) any {
	for i := range r.slots {
		if e := r.slots[i].Load(); e != nil && e.s == string(b) {
			return e.v
		}
	}
	s := string(b)
	r.slots[r.next.Add(1)%uint32(len(r.slots))].Store(&boxedString{s: s, v: s})
	return s
}

// value decodes the next item as ugorji decodes into an empty interface.
// depth is the level a container read here would have.
func (d *decoder) value(depth int) (any, error) {
	if b, ok := d.fixstr(); ok {
		return d.str(b), nil
	}
	t, err := d.next()
	if err != nil {
		return nil, err
	}
	switch t.kind {
	case kNil:
		return nil, nil
	case kBool:
		return t.u != 0, nil
	case kInt:
		return int64(t.u), nil
	case kUint:
		return t.u, nil
	case kFloat:
		return math.Float64frombits(t.u), nil
	case kStr:
		return d.str(t.raw), nil
	case kBin:
		return t.raw, nil
	case kArray:
		return d.list(t.u, depth)
	case kMap:
		return d.dict(t.u, depth)
	case kExt:
		return rawExt(t), nil
	default: // kTime
		return decodeTime(t.raw), nil
	}
}

// prealloc returns how many of n claimed slots of slotBytes each to reserve
// up front: at most limit, and within the message's remaining budget.
func (d *decoder) prealloc(n uint64, limit, slotBytes int) int {
	h := min(n, uint64(limit), uint64(max(d.budget, 0)/slotBytes))
	d.budget -= int(h) * slotBytes
	return int(h)
}

// list decodes the n elements of an array at the given depth.
func (d *decoder) list(n uint64, depth int) ([]any, error) {
	if depth > maxDepth {
		return nil, d.errorf("nesting deeper than %d levels", maxDepth)
	}
	l := make([]any, 0, d.prealloc(n, listPrealloc, listSlotBytes))
	for range n {
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		l = append(l, v)
	}
	return l, nil
}

// dict decodes the n entries of a map at the given depth.
func (d *decoder) dict(n uint64, depth int) (map[string]any, error) {
	if depth > maxDepth {
		return nil, d.errorf("nesting deeper than %d levels", maxDepth)
	}
	m := make(map[string]any, d.prealloc(n, dictPrealloc, dictSlotBytes))
	for i := range n {
		key, ok := d.fixstr()
		if !ok {
			t, err := d.next()
			if err != nil {
				return nil, err
			}
			if t.kind != kStr && t.kind != kBin {
				return nil, d.errorf("map key is %s, want str or bin", t.kind)
			}
			key = t.raw
		}
		k := internKey(key)
		v, err := d.value(depth + 1)
		if err != nil {
			return nil, err
		}
		m[k] = v
		if uint64(len(m)) != i+1 {
			// The key is not quoted: keys may be payload (ArgumentsKw), and
			// transports log decode errors.
			return nil, d.errorf("duplicate map key (%d bytes)", len(k))
		}
	}
	return m, nil
}

// decodeTime mirrors ugorji's timestamp decoding; p has 4, 8 or 12 bytes.
// rawExt is an extension other than the timestamp as ugorji decodes it into
// an empty interface (JavaScript encoders send undefined as type 0). Data
// refers to the input like bin values; it is nil when empty, as ugorji's.
func rawExt(t token) codec.RawExt {
	x := codec.RawExt{Tag: t.u}
	if len(t.raw) > 0 {
		x.Data = t.raw
	}
	return x
}

func decodeTime(p []byte) time.Time {
	switch len(p) {
	case 4:
		return time.Unix(int64(binary.BigEndian.Uint32(p)), 0).UTC()
	case 8:
		tv := binary.BigEndian.Uint64(p)
		return time.Unix(int64(tv&0x00000003ffffffff), int64(tv>>34)).UTC()
	default:
		nsec := binary.BigEndian.Uint32(p)
		sec := binary.BigEndian.Uint64(p[4:])
		return time.Unix(int64(sec), int64(nsec)).UTC()
	}
}

// message decodes a whole WAMP message; the input must hold nothing else.
func (d *decoder) message() (wamp.Message, error) {
	t, err := d.next()
	if err != nil {
		return nil, err
	}
	if t.kind != kArray {
		return nil, d.errorf("message is %s, want array", t.kind)
	}
	if t.u == 0 {
		return nil, d.errorf("empty message array")
	}
	n := int(t.u) - 1 // fields after the type
	t, err = d.next()
	if err != nil {
		return nil, err
	}
	var typ int64
	switch {
	case t.kind == kInt:
		typ = int64(t.u)
	case t.kind == kUint && t.u <= math.MaxInt:
		typ = int64(t.u)
	case t.kind == kUint:
		return nil, d.errorf("message type %d out of range", t.u)
	default:
		return nil, d.errorf("message type is %s, want an integer", t.kind)
	}
	msg, err := d.body(wamp.MessageType(typ), n)
	if err != nil {
		return nil, err
	}
	if d.pos != len(d.data) {
		return nil, d.errorf("%d trailing bytes after the message", len(d.data)-d.pos)
	}
	return msg, nil
}

// argsBlock allocates a message together with the backing array of a
// one-element Arguments list, the common case of an encrypted payload.
type argsBlock[M any] struct {
	msg  M
	args [1]any
}

func withArgs[M any](d *decoder) *M {
	b := new(argsBlock[M])
	d.args = &b.args
	return &b.msg
}

// body decodes the n fields of a message of type typ, in the order of the
// nexus message struct's fields.
func (d *decoder) body(typ wamp.MessageType, n int) (wamp.Message, error) {
	switch typ {
	case wamp.HELLO:
		m := new(wamp.Hello)
		return m, d.fields(n, &m.Realm, &m.Details)
	case wamp.WELCOME:
		m := new(wamp.Welcome)
		return m, d.fields(n, &m.ID, &m.Details)
	case wamp.ABORT:
		m := new(wamp.Abort)
		return m, d.fields(n, &m.Details, &m.Reason)
	case wamp.CHALLENGE:
		m := new(wamp.Challenge)
		return m, d.fields(n, &m.AuthMethod, &m.Extra)
	case wamp.AUTHENTICATE:
		m := new(wamp.Authenticate)
		return m, d.fields(n, &m.Signature, &m.Extra)
	case wamp.GOODBYE:
		m := new(wamp.Goodbye)
		return m, d.fields(n, &m.Details, &m.Reason)
	case wamp.ERROR:
		m := withArgs[wamp.Error](d)
		m.Type = wamp.ERROR // as wamp.NewMessage
		err := d.fields(n, &m.Type, &m.Request, &m.Details, &m.Error, &m.Arguments, &m.ArgumentsKw)
		if m.Details == nil {
			m.Details = wamp.Dict{} // as wamp.NewMessage
		}
		return m, err
	case wamp.PUBLISH:
		m := withArgs[wamp.Publish](d)
		return m, d.fields(n, &m.Request, &m.Options, &m.Topic, &m.Arguments, &m.ArgumentsKw)
	case wamp.PUBLISHED:
		m := new(wamp.Published)
		return m, d.fields(n, &m.Request, &m.Publication)
	case wamp.SUBSCRIBE:
		m := new(wamp.Subscribe)
		return m, d.fields(n, &m.Request, &m.Options, &m.Topic)
	case wamp.SUBSCRIBED:
		m := new(wamp.Subscribed)
		return m, d.fields(n, &m.Request, &m.Subscription)
	case wamp.UNSUBSCRIBE:
		m := new(wamp.Unsubscribe)
		return m, d.fields(n, &m.Request, &m.Subscription)
	case wamp.UNSUBSCRIBED:
		m := new(wamp.Unsubscribed)
		return m, d.fields(n, &m.Request)
	case wamp.EVENT:
		m := withArgs[wamp.Event](d)
		return m, d.fields(n, &m.Subscription, &m.Publication, &m.Details, &m.Arguments, &m.ArgumentsKw)
	case wamp.CALL:
		m := withArgs[wamp.Call](d)
		return m, d.fields(n, &m.Request, &m.Options, &m.Procedure, &m.Arguments, &m.ArgumentsKw)
	case wamp.CANCEL:
		m := new(wamp.Cancel)
		return m, d.fields(n, &m.Request, &m.Options)
	case wamp.RESULT:
		m := withArgs[wamp.Result](d)
		return m, d.fields(n, &m.Request, &m.Details, &m.Arguments, &m.ArgumentsKw)
	case wamp.REGISTER:
		m := new(wamp.Register)
		return m, d.fields(n, &m.Request, &m.Options, &m.Procedure)
	case wamp.REGISTERED:
		m := new(wamp.Registered)
		return m, d.fields(n, &m.Request, &m.Registration)
	case wamp.UNREGISTER:
		m := new(wamp.Unregister)
		return m, d.fields(n, &m.Request, &m.Registration)
	case wamp.UNREGISTERED:
		m := new(wamp.Unregistered)
		return m, d.fields(n, &m.Request)
	case wamp.INVOCATION:
		m := withArgs[wamp.Invocation](d)
		return m, d.fields(n, &m.Request, &m.Registration, &m.Details, &m.Arguments, &m.ArgumentsKw)
	case wamp.INTERRUPT:
		m := new(wamp.Interrupt)
		return m, d.fields(n, &m.Request, &m.Options)
	case wamp.YIELD:
		m := withArgs[wamp.Yield](d)
		return m, d.fields(n, &m.Request, &m.Options, &m.Arguments, &m.ArgumentsKw)
	}
	return nil, d.errorf("unsupported message type %d", int64(typ))
}

// fields decodes n elements into the message fields dst (pointers to
// wamp.ID, wamp.MessageType, wamp.URI, string, wamp.Dict or wamp.List);
// elements beyond the fields are decoded and dropped, as nexus does.
func (d *decoder) fields(n int, dst ...any) error {
	for i := range n {
		if i >= len(dst) {
			if _, err := d.value(2); err != nil {
				return err
			}
			continue
		}
		t, err := d.next()
		if err != nil {
			return err
		}
		if t.kind == kNil {
			continue // nexus leaves the field at its zero value
		}
		ok := true
		switch p := dst[i].(type) {
		case *wamp.ID:
			var u uint64
			u, ok = uintField(t)
			*p = wamp.ID(u)
		case *wamp.MessageType:
			var v int
			v, ok = intField(t)
			*p = wamp.MessageType(v)
		case *wamp.URI:
			var s string
			s, ok = stringField(t)
			*p = wamp.URI(s)
		case *string:
			*p, ok = stringField(t)
		case *wamp.Dict:
			if ok = t.kind == kMap; ok {
				m, err := d.dict(t.u, 2)
				if err != nil {
					return err
				}
				*p = wamp.Dict(m)
			}
		case *wamp.List:
			switch {
			case t.kind == kArray && t.u == 1 && d.args != nil:
				v, err := d.value(3)
				if err != nil {
					return err
				}
				d.args[0] = v
				*p = d.args[:1:1]
				d.args = nil
			case t.kind == kArray:
				l, err := d.list(t.u, 2)
				if err != nil {
					return err
				}
				*p = wamp.List(l)
			case t.kind == kBin: // nexus makes a List of uint8 of it: strictness 6
				return d.errorf("message field %d is bin, want array (strictness 6: a list of one uint8 per byte)", i+1)
			default:
				ok = false
			}
		}
		if !ok {
			return d.errorf("message field %d is %s, cannot be %T", i+1, t.kind, dst[i])
		}
	}
	return nil
}

// uintField converts a number as reflect converts it into a uint64-kind
// message field (wamp.ID).
func uintField(t token) (uint64, bool) {
	switch t.kind {
	case kInt, kUint:
		return t.u, true
	case kFloat: // reflect's cvtFloatUint
		return uint64(math.Float64frombits(t.u)), true
	}
	return 0, false
}

// intField converts a number as reflect converts it into an int-kind
// message field (wamp.MessageType).
func intField(t token) (int, bool) {
	switch t.kind {
	case kInt, kUint:
		return int(t.u), true
	case kFloat: // reflect's cvtFloatInt
		return int(int64(math.Float64frombits(t.u))), true
	}
	return 0, false
}

// stringField converts an item as reflect converts it into a string-kind
// message field.
func stringField(t token) (string, bool) {
	switch t.kind {
	case kStr, kBin:
		return string(t.raw), true
	case kInt: // reflect's cvtIntString
		s := "\uFFFD"
		if x := int64(t.u); int64(rune(x)) == x {
			s = string(rune(x))
		}
		return s, true
	case kUint: // reflect's cvtUintString
		s := "\uFFFD"
		if x := t.u; uint64(rune(x)) == x {
			s = string(rune(x))
		}
		return s, true
	}
	return "", false
}
