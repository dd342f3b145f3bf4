package chain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/wamp-e2ee/e2ee-node/bindings"
)

// RevertError is a transaction or call rejected by the registry with one of its custom errors
// (or an OpenZeppelin error it inherits), decoded from the revert data.
type RevertError struct {
	// Name of the Solidity custom error, e.g. "DelegateRegistryNotAuthorized".
	Name string
	// Args are the error's decoded arguments in declaration order.
	Args []any
	// Data is the raw revert data.
	Data []byte
}

// Error renders the custom error like Solidity source, e.g. `DelegateRegistryNotAuthorized(0x…, 0x…, 0x…)`.
func (e *RevertError) Error() string {
	parts := make([]string, len(e.Args))
	for i, a := range e.Args {
		parts[i] = fmt.Sprint(a)
	}
	return fmt.Sprintf("registry reverted: %s(%s)", e.Name, strings.Join(parts, ", "))
}

// dataError is implemented by go-ethereum RPC errors that carry revert data.
type dataError interface {
	ErrorData() any
}

// DecodeRevert returns a *RevertError when err carries revert data of a known registry error,
// wrapping err; otherwise it returns err unchanged.
func DecodeRevert(err error) error {
	if err == nil {
		return nil
	}
	var de dataError
	if !errors.As(err, &de) {
		return err
	}
	var data []byte
	switch v := de.ErrorData().(type) {
	case string:
		b, decErr := hexutil.Decode(v)
		if decErr != nil {
			return err
		}
		data = b
	case []byte:
		data = v
	default:
		return err
	}
	if rev := decodeRevertData(data); rev != nil {
		return fmt.Errorf("%w (%v)", rev, err)
	}
	return err
}

func decodeRevertData(data []byte) *RevertError {
	if len(data) < 4 {
		return nil
	}
	parsed := bindings.NewTrustRegistry().GetABI()
	for name, e := range parsed.Errors {
		if string(e.ID[:4]) != string(data[:4]) {
			continue
		}
		args, err := e.Inputs.Unpack(data[4:])
		if err != nil {
			return &RevertError{Name: name, Data: data}
		}
		return &RevertError{Name: name, Args: args, Data: data}
	}
	if reason, err := abi.UnpackRevert(data); err == nil {
		return &RevertError{Name: "Error", Args: []any{reason}, Data: data}
	}
	return nil
}
