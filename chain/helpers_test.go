package chain_test

import (
	"bytes"
	"encoding/json"
	"github.com/ethereum/go-ethereum/common/math"
	"strconv"

	"github.com/wamp-e2ee/e2ee-node/chain/anvil"
)

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func parseUint64(n json.Number) (uint64, error) { return strconv.ParseUint(n.String(), 10, 64) }

type mathHex = math.HexOrDecimal256

func anvilOptions() anvil.Options { return anvil.Options{} }
