package envelope

import (
	"encoding/base64"
	"fmt"
	"reflect"

	"github.com/ugorji/go/codec"
)

// PPT option names and the values this package sends.
const (
	OptScheme     = "ppt_scheme"
	OptSerializer = "ppt_serializer"
	OptCipher     = "ppt_cipher"
	OptKeyID      = "ppt_keyid"
	// OptRequestKeyRPC is the draft spec's option naming the key RPC. It is
	// sent for routers that forward it; receivers never rely on it (nexus
	// drops it) and derive the key RPC from ppt_keyid instead.
	OptRequestKeyRPC = "e2ee_request_key_rpc"

	SchemeWAMP = "wamp"
	// SchemeWAMPEth is the spec's former scheme name, accepted on receipt.
	SchemeWAMPEth  = "wamp.eth"
	SerializerCBOR = "cbor"
	CipherXSalsa   = "xsalsa20poly1305"
	// CipherAESGCM is AES-256-GCM, the spec's other E2EE cipher (cipher.go).
	CipherAESGCM = "aes256gcm"
)

// PutOptions stores the PPT options for a message sealed under keyID into
// opts (a PUBLISH, CALL, YIELD or ERROR options dictionary) and returns it;
// a nil opts is replaced by a new map. keyRPC is the key RPC URI sent as
// e2ee_request_key_rpc; it is omitted when empty. Reusing opts allocates
// nothing. It names ppt_cipher xsalsa20poly1305; use PutCipherOptions for a
// key of another cipher.
func PutOptions(opts map[string]any, keyID, keyRPC string) map[string]any {
	return PutCipherOptions(opts, CipherXSalsa, keyID, keyRPC)
}

// PutCipherOptions is PutOptions for a payload sealed with cipher (SealKey.Cipher;
// "" means CipherXSalsa).
func PutCipherOptions(opts map[string]any, cipher, keyID, keyRPC string) map[string]any {
	if opts == nil {
		opts = make(map[string]any, 5)
	}
	opts[OptScheme] = SchemeWAMP
	opts[OptSerializer] = SerializerCBOR
	if cipher == CipherAESGCM {
		opts[OptCipher] = CipherAESGCM // a constant: storing it allocates nothing
	} else {
		opts[OptCipher] = CipherXSalsa
	}
	opts[OptKeyID] = keyID
	if keyRPC != "" {
		opts[OptRequestKeyRPC] = keyRPC
	}
	return opts
}

// IsPPT reports whether opts carry any ppt_* option, i.e. whether the message
// must go through Open (which then validates all of them).
func IsPPT(opts map[string]any) bool {
	for _, k := range [...]string{OptScheme, OptSerializer, OptCipher, OptKeyID} {
		if _, ok := opts[k]; ok {
			return true
		}
	}
	return false
}

// StripOptions deletes the PPT options (and e2ee_request_key_rpc) from opts,
// so that code behind the envelope never sees them.
func StripOptions(opts map[string]any) {
	keys := [...]string{OptScheme, OptSerializer, OptCipher, OptKeyID, OptRequestKeyRPC}
	n := 0
	for _, k := range keys {
		if _, ok := opts[k]; ok {
			n++
		}
	}
	if n == len(opts) { // nothing else: clearing is cheaper than deleting
		clear(opts)
		return
	}
	for _, k := range keys {
		delete(opts, k)
	}
}

func stringOpt(opts map[string]any, name string) (string, error) {
	v, ok := opts[name]
	if !ok {
		return "", fmt.Errorf("%w: %s missing", ErrMalformed, name)
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%w: %s is %T, not a string", ErrMalformed, name, v)
	}
	return s, nil
}

// parseOptions validates the four PPT options and returns ppt_keyid and
// ppt_cipher; allowed is the only ppt_cipher accepted ("" means CipherXSalsa).
func parseOptions(opts map[string]any, allowed string) (string, string, error) {
	scheme, err := stringOpt(opts, OptScheme)
	if err != nil {
		return "", "", err
	}
	if scheme != SchemeWAMP && scheme != SchemeWAMPEth {
		return "", "", fmt.Errorf("%w: unsupported %s", ErrMalformed, OptScheme)
	}
	ser, err := stringOpt(opts, OptSerializer)
	if err != nil {
		return "", "", err
	}
	if ser != SerializerCBOR {
		return "", "", fmt.Errorf("%w: unsupported %s", ErrMalformed, OptSerializer)
	}
	cipher, err := stringOpt(opts, OptCipher)
	if err != nil {
		return "", "", err
	}
	if !ValidCipher(cipher) {
		return "", "", fmt.Errorf("%w: unsupported %s", ErrMalformed, OptCipher)
	}
	if want := CipherOrDefault(allowed); cipher != want {
		return "", "", fmt.Errorf("%w: %s %s not allowed for this URI (its rule wants %s)", ErrMalformed, OptCipher, cipher, want)
	}
	kid, err := stringOpt(opts, OptKeyID)
	if err != nil {
		return "", "", err
	}
	if !ValidKeyID(kid) {
		return "", "", fmt.Errorf("%w: %s is not <16 hex>.<32 hex> (lowercase)", ErrMalformed, OptKeyID)
	}
	return kid, cipher, nil
}

// TagUint8Array is the CBOR tag of an RFC 8746 uint8 typed array. JavaScript
// CBOR encoders (cbor-x) write a Uint8Array as this tag around a byte string.
const TagUint8Array = 64

// UntagBytes returns the byte string inside a CBOR tag 64 (TagUint8Array),
// as nexus's CBOR serializer decodes it (a codec.RawExt), and v unchanged
// otherwise. Wherever the protocol expects binary at the WAMP level (the PPT
// payload, key-distribution fields) a tag-64 byte string is the same bytes
// (docs/protocol.md §3.4); every other tag stays what it is, and is refused.
func UntagBytes(v any) any {
	switch x := v.(type) {
	case codec.RawExt:
		if b, ok := x.Value.([]byte); ok && x.Tag == TagUint8Array && x.Data == nil {
			return b
		}
	case *codec.RawExt:
		if x != nil {
			if b, ok := x.Value.([]byte); ok && x.Tag == TagUint8Array && x.Data == nil {
				return b
			}
		}
	}
	return v
}

// payloadBytes returns the payload from the single argument: []byte (or a
// named byte-slice type such as nexus's serialize.BinaryData) as is; a
// string "\x00"+base64 (the spec's JSON binary convention) or plain base64
// (nexus's JSON serializer), standard alphabet, padded or not, decoded into
// *scratch (decoded reports this case); a CBOR tag-64 byte string as its
// bytes (UntagBytes). max bounds the decoded length.
func payloadBytes(arg any, scratch *[]byte, max int) (payload []byte, decoded bool, err error) {
	switch v := UntagBytes(arg).(type) {
	case []byte:
		return v, false, nil
	case string:
		if len(v) > 0 && v[0] == 0 {
			v = v[1:]
		}
		if base64.StdEncoding.DecodedLen(len(v)) > max+3 {
			return nil, true, fmt.Errorf("%w: payload longer than %d bytes", ErrMalformed, max)
		}
		enc := base64.StdEncoding
		if len(v)%4 != 0 {
			enc = base64.RawStdEncoding
		}
		out, err := enc.AppendDecode((*scratch)[:0], []byte(v))
		if err != nil {
			return nil, true, fmt.Errorf("%w: payload string is not base64", ErrMalformed)
		}
		*scratch = out
		return out, true, nil
	}
	// A named byte-slice type: nexus's serialize.BinaryData, as e2ee/router
	// forwards PPT payloads (in-process peers receive it unserialized).
	if rv := reflect.ValueOf(arg); rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Uint8 {
		return rv.Bytes(), false, nil
	}
	return nil, false, fmt.Errorf("%w: payload is %T, not bytes", ErrMalformed, arg)
}
