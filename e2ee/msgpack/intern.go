package msgpack

// internKey returns b as a string, without allocating for well-known WAMP
// dictionary keys (the compiler does not allocate for switch string(b)).
func internKey(b []byte) string {
	switch string(b) {
	// payload passthru mode and this project's E2EE options
	case "ppt_scheme":
		return "ppt_scheme"
	case "ppt_serializer":
		return "ppt_serializer"
	case "ppt_cipher":
		return "ppt_cipher"
	case "ppt_keyid":
		return "ppt_keyid"
	case "e2ee_request_key_rpc":
		return "e2ee_request_key_rpc"
	// PUBLISH, EVENT, CALL, INVOCATION, YIELD, RESULT options and details
	case "acknowledge":
		return "acknowledge"
	case "exclude_me":
		return "exclude_me"
	case "disclose_me":
		return "disclose_me"
	case "match":
		return "match"
	case "invoke":
		return "invoke"
	case "timeout":
		return "timeout"
	case "receive_progress":
		return "receive_progress"
	case "progress":
		return "progress"
	case "publisher":
		return "publisher"
	case "caller":
		return "caller"
	case "topic":
		return "topic"
	case "procedure":
		return "procedure"
	case "mode":
		return "mode"
	case "reason":
		return "reason"
	case "message":
		return "message"
	// HELLO, WELCOME, CHALLENGE, AUTHENTICATE
	case "roles":
		return "roles"
	case "features":
		return "features"
	case "agent":
		return "agent"
	case "authid":
		return "authid"
	case "authrole":
		return "authrole"
	case "authmethod":
		return "authmethod"
	case "authmethods":
		return "authmethods"
	case "authprovider":
		return "authprovider"
	case "authextra":
		return "authextra"
	case "pubkey":
		return "pubkey"
	case "challenge":
		return "challenge"
	case "channel_binding":
		return "channel_binding"
	}
	return string(b)
}

// internValue returns a str item as an interface value, without allocating
// for well-known WAMP option values (the constants are boxed statically).
// It returns nil if b is not one of them.
func internValue(b []byte) any {
	switch string(b) {
	case "wamp":
		return "wamp"
	case "cbor":
		return "cbor"
	case "msgpack":
		return "msgpack"
	case "json":
		return "json"
	case "xsalsa20poly1305":
		return "xsalsa20poly1305"
	case "aes256gcm":
		return "aes256gcm"
	case "exact":
		return "exact"
	case "prefix":
		return "prefix"
	case "wildcard":
		return "wildcard"
	case "single":
		return "single"
	case "roundrobin":
		return "roundrobin"
	case "random":
		return "random"
	case "first":
		return "first"
	case "last":
		return "last"
	case "skip":
		return "skip"
	case "kill":
		return "kill"
	case "killnowait":
		return "killnowait"
	case "cryptosign":
		return "cryptosign"
	case "ticket":
		return "ticket"
	case "wampcra":
		return "wampcra"
	case "anonymous":
		return "anonymous"
	}
	return nil
}
