package chain_test

import (
	"bytes"
	"encoding/json"
	"github.com/ethereum/go-ethereum/common/math"
	"strconv"
)

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func parseUint64(n json.Number) (uint64, error) { return strconv.ParseUint(n.String(), 10, 64) }

type mathHex = math.HexOrDecimal256
