package models_test

import (
	"testing"

	"github.com/omnisim/omnisim/models"
	"github.com/omnisim/omnisim/scenarios"
)

// BenchmarkBuiltins runs each built-in scenario side by side with the
// single queue, the built-in textbook (models.BenchAgainst): x-ref is the
// scenario's cost per contact over the single queue's, measured in one
// process, replication by replication. The aim is at most 2 for every
// scenario of several channels.
func BenchmarkBuiltins(b *testing.B) {
	ref, err := scenarios.Builtin(scenarios.Default, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, info := range scenarios.Builtins() {
		if info.Name == scenarios.Default {
			continue
		}
		b.Run(info.Name, func(b *testing.B) {
			s, err := scenarios.Builtin(info.Name, nil)
			if err != nil {
				b.Fatal(err)
			}
			models.BenchAgainst(b, &s.Config, &ref.Config)
		})
	}
}
