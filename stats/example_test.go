package stats_test

import (
	"fmt"

	"github.com/omnisim/omnisim/stats"
)

// The mean of replications with a 95 % confidence half-width.
func ExampleMeanCI() {
	m, h := stats.MeanCI([]float64{0.81, 0.79, 0.84, 0.80, 0.78}, 0.95)
	fmt.Printf("%.3f ± %.3f\n", m, h)
	// Output: 0.804 ± 0.029
}
