package cert

// Capability bits of an EIP712AuthorityCertificate, as in the WAMP
// specification text. Autobahn|Python's code used bit 4 for PROVIDER and
// bit 5 for CONSUMER; this package follows the specification (see
// docs/protocol.md §2).
const (
	// CapRootCA marks a root CA certificate (the trust anchor).
	CapRootCA uint64 = 1 << 0
	// CapIntermediateCA allows the subject to issue authority certificates.
	CapIntermediateCA uint64 = 1 << 1
	// CapPublicRelay allows the subject to run a public relay.
	CapPublicRelay uint64 = 1 << 2
	// CapPrivateRelay allows the subject to run a private relay.
	CapPrivateRelay uint64 = 1 << 3
	// CapGateway allows the subject to run a gateway.
	CapGateway uint64 = 1 << 4
	// CapExchange allows the subject to run an exchange.
	CapExchange uint64 = 1 << 5
	// CapProvider allows the subject to provide (publish, register).
	CapProvider uint64 = 1 << 6
	// CapConsumer allows the subject to consume (subscribe, call).
	CapConsumer uint64 = 1 << 7

	// CapDefined is the union of all defined capability bits.
	CapDefined uint64 = 0xff
	// CapReserved is the set of reserved bits 8–63, which must be zero.
	CapReserved uint64 = ^CapDefined
)

// ValidCapabilities reports whether caps sets no reserved bit — part of rule
// CCR-7, which every verified chain applies. Issuers check it before
// signing, so that they never sign a certificate that chains then refuse.
func ValidCapabilities(caps uint64) bool { return caps&CapReserved == 0 }
