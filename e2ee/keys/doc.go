// Package keys holds the two private keys of an e2ee-node peer and how they
// are created, derived, stored and converted:
//
//   - the delegate key (secp256k1, an Ethereum address): it self-signs the
//     delegate certificate and signs key requests and key responses.
//     DelegateKey implements cert.Signer.
//   - the client-session key (Ed25519, WAMP-Cryptosign): its public key is
//     the csPubKey of the delegate certificate; converted to X25519 exactly
//     as libsodium's crypto_sign_ed25519_{pk,sk}_to_curve25519, it is the
//     Curve25519 box key of key distribution.
//
// Keys come from crypto/rand (GenerateDelegateKey, GenerateSessionKey), from
// a BIP39 mnemonic with the BIP44 paths Autobahn|Python uses
// (m/44'/60'/0'/0/i and m/44'/655'/0'/0/i), or from go-ethereum encrypted
// keystore files (0600). No key material ever appears in an error or in the
// String/Format output of these types.
package keys
