package msgpack

import (
	"testing"

	"github.com/gammazero/nexus/v3/transport/serialize"
	"github.com/gammazero/nexus/v3/wamp"
)

var benchMessages = []struct {
	name string
	msg  func() wamp.Message
}{
	{"publish-plain-1KiB", func() wamp.Message { return plainPublish() }},
	{"publish-e2ee", func() wamp.Message { return e2eePublish() }},
	{"event-e2ee", func() wamp.Message { return e2eeEvent() }},
	{"call-nested", func() wamp.Message { return nestedCall() }},
}

var benchSerializers = []struct {
	name string
	s    serialize.Serializer
}{
	{"ours", &Serializer{}},
	{"nexus", &serialize.MessagePackSerializer{}},
}

// BenchmarkRoundTrip is one Serialize plus one Deserialize, as a message
// costs on each hop.
func BenchmarkRoundTrip(b *testing.B) {
	for _, m := range benchMessages {
		for _, s := range benchSerializers {
			b.Run(m.name+"/"+s.name, func(b *testing.B) {
				msg := m.msg()
				b.ReportAllocs()
				for b.Loop() {
					data, err := s.s.Serialize(msg)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := s.s.Deserialize(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkSerialize(b *testing.B) {
	for _, m := range benchMessages {
		for _, s := range benchSerializers {
			b.Run(m.name+"/"+s.name, func(b *testing.B) {
				msg := m.msg()
				b.ReportAllocs()
				for b.Loop() {
					if _, err := s.s.Serialize(msg); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkDeserialize(b *testing.B) {
	for _, m := range benchMessages {
		for _, s := range benchSerializers {
			b.Run(m.name+"/"+s.name, func(b *testing.B) {
				data, err := s.s.Serialize(m.msg())
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := s.s.Deserialize(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
