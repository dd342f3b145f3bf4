package test

import (
	"time"

	"github.com/wamp-e2ee/e2ee-node/e2ee/keyring"
	"github.com/wamp-e2ee/e2ee-node/e2ee/session"
)

func rotationRules() []session.Rule {
	pm, pt, n3, tt := keyring.PerMessage(), keyring.PerTopic(nil), keyring.EveryNMessages(3), keyring.EveryPeriod(40*time.Millisecond)
	return []session.Rule{
		{Pattern: "com.rot.msg", Encrypt: true, Rotation: &pm},
		{Pattern: "com.rot.topic", Encrypt: true, Rotation: &pt},
		{Pattern: "com.rot.n3", Encrypt: true, Rotation: &n3},
		{Pattern: "com.rot.t", Encrypt: true, Rotation: &tt},
	}
}
