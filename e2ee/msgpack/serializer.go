package msgpack

import (
	"fmt"
	"sync"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
)

// Serializer is a serialize.Serializer for msgpack that is equivalent to
// nexus's serialize.MessagePackSerializer as described in the package
// documentation, but faster and allocating less. The zero value is ready to
// use and is safe for concurrent use by multiple goroutines.
type Serializer struct {
	recent recentStrings
}

var _ serialize.Serializer = (*Serializer)(nil)

const (
	// initialBuf is the capacity of a new scratch buffer.
	initialBuf = 2 << 10
	// maxPooledBuf is the largest scratch buffer returned to the pool.
	maxPooledBuf = 1 << 20
)

// scratch is a reusable encoding buffer.
type scratch struct{ buf []byte }

// scratches holds scratch buffers reused across calls.
var scratches = sync.Pool{New: func() any { return &scratch{buf: make([]byte, 0, initialBuf)} }}

// getEncoder returns an encoder writing into a pooled buffer; release it.
func getEncoder() (*scratch, encoder) {
	s := scratches.Get().(*scratch)
	return s, encoder{buf: s.buf[:0]}
}

// release returns an exact-size copy of what e wrote (nil if err is not
// nil) and gives e's buffer back to the pool.
func release(s *scratch, e *encoder, err error) ([]byte, error) {
	if err == nil {
		err = e.err
	}
	var out []byte
	if err == nil {
		out = make([]byte, len(e.buf))
		copy(out, e.buf)
	}
	if cap(e.buf) <= maxPooledBuf {
		s.buf = e.buf
		scratches.Put(s)
	}
	return out, err
}

// Serialize encodes msg as a msgpack array, as nexus's MessagePackSerializer
// does (trailing empty Arguments/ArgumentsKw omitted). Message types outside
// the fast path are encoded by nexus's serializer. It fails for a nil message
// pointer, for values nested more than 128 levels deep and for values nexus
// cannot encode. The returned slice is newly allocated and owned by the
// caller.
func (s *Serializer) Serialize(msg wamp.Message) ([]byte, error) {
	if msg == nil {
		return nil, fmt.Errorf("msgpack: nil message")
	}
	sc, e := getEncoder()
	handled, err := e.message(msg)
	out, err := release(sc, &e, err)
	if handled {
		return out, err
	}
	out, err = (&serialize.MessagePackSerializer{}).Serialize(msg)
	if err != nil {
		return nil, fmt.Errorf("msgpack: encoding %T: %w", msg, err)
	}
	return out, nil
}

// Deserialize decodes one msgpack-encoded WAMP message that must fill data
// entirely. It accepts only what nexus's MessagePackSerializer accepts and
// returns a message reflect.DeepEqual to nexus's, except for the deliberate
// strictnesses listed in the package documentation. The returned message
// refers to data (bin values are not copied): the caller must not modify
// data afterwards.
func (s *Serializer) Deserialize(data []byte) (wamp.Message, error) {
	d := decoder{data: data, budget: len(data), recent: &s.recent}
	return d.message()
}

// SerializeDataItem encodes one value as nexus's MessagePackSerializer does
// (values outside the fast path are encoded by nexus). It fails for values
// nested more than 128 levels deep and for values nexus cannot encode. The
// returned slice is newly allocated and owned by the caller.
func (s *Serializer) SerializeDataItem(item any) ([]byte, error) {
	sc, e := getEncoder()
	err := e.value(item, 1)
	return release(sc, &e, err)
}

// DeserializeDataItem decodes data into v (a pointer) exactly as nexus's
// MessagePackSerializer does; it is nexus's implementation and not subject to
// the strictnesses of Deserialize.
func (s *Serializer) DeserializeDataItem(data []byte, v any) error {
	if err := (&serialize.MessagePackSerializer{}).DeserializeDataItem(data, v); err != nil {
		return fmt.Errorf("msgpack: decoding data item: %w", err)
	}
	return nil
}
