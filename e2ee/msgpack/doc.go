// Package msgpack is a hand-written, allocation-lean MessagePack serializer
// for WAMP messages. [Serializer] is a drop-in replacement for nexus's
// serialize.MessagePackSerializer: it implements serialize.Serializer and may
// be passed wherever nexus expects one (for example transport.NewWebsocketPeer).
//
// # Contract
//
// The reference behaviour is nexus v3's MessagePackSerializer (ugorji codec
// with WriteExt and MapType map[string]any, followed by nexus's listToMsg /
// msgToList conversions). For any input B:
//
//   - if Deserialize(B) succeeds, nexus's Deserialize(B) succeeds too and the
//     two messages are reflect.DeepEqual: the same message type, the same Go
//     types inside (positive fixints and all signed msgpack formats decode as
//     int64, unsigned formats as uint64, float32 and float64 as float64, str as
//     string, bin as []byte, arrays as []any, maps as map[string]any; the
//     top-level Dict and List fields of a message as wamp.Dict and wamp.List),
//     and the same field conversions (numbers of any kind into IDs, bin into
//     URIs and strings, integers into URIs as a rune, bin into a List of
//     uint8, nil leaving a field at its zero value, extra elements ignored,
//     ERROR's Type defaulting to ERROR and its Details to an empty Dict);
//   - if Deserialize(B) fails, nexus fails too, or B is refused by one of the
//     deliberate strictnesses below.
//
// For any message M that nexus can serialize, nexus decodes Serialize(M) to
// the same message as nexus.Serialize(M), including nexus's trimming of
// trailing empty omitempty fields (Arguments, ArgumentsKw). Integers use the
// same encodings as ugorji (signed Go integers use signed formats above 127,
// unsigned Go integers unsigned ones), so the output is byte-identical to
// nexus's except for the order of map entries. Values of types outside the
// fast path (structs, pointers, time.Time, other named types, ...) are
// encoded by nexus's own serializer and spliced in, so they are encoded
// exactly as nexus would encode them.
//
// # Deliberate strictnesses
//
// Deserialize refuses the following inputs that nexus accepts:
//
//  1. A top-level value that is not an array (ugorji flattens a top-level map
//     into a key, value, key, value list).
//  2. Trailing bytes after the message (ugorji ignores them).
//  3. Extension types registered with serialize.MsgpackRegisterExtension
//     (ugorji yields the registered type; Deserialize yields codec.RawExt,
//     as for every other extension type but the timestamp).
//  4. Map keys that are not str or bin (ugorji also turns nil into "" and an
//     array of small integers into a string of those bytes).
//  5. Duplicate keys in one map (ugorji decodes the second value into the
//     first one, merging maps and keeping the first value's type).
//  6. A bin value where a message has a list (Arguments): ugorji's
//     reflection turns it into a list of one uint8 per byte, 16 bytes of
//     memory per input byte — a 4 MiB frame would become a 64 MiB list.
//
// Nesting: Deserialize accepts arrays and maps nested as deep as nexus does
// (1023 levels, counting the message array as level 1) and refuses what it
// refuses. Serialize follows values up to 2046 levels deep (a guard against
// cyclic values); values encoded by the nexus fallback are not inspected.
// Claimed container sizes only reserve capacity within a budget of the
// input's length, so a frame cannot make Deserialize allocate much more than
// the frame itself.
//
// # Aliasing
//
// Deserialize does not copy bin values: every []byte in the returned message
// refers to the input (a bin decoded into a List of uint8 is copied), so the
// caller must not modify the input after Deserialize. nexus's websocket and
// rawsocket peers pass a fresh buffer per message, so this holds for them.
// A retained bin value keeps its whole frame in memory (bounded by the
// transport's message size limit). Strings are always copied.
package msgpack
