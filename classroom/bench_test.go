package classroom

import (
	"context"
	"testing"
)

// BenchmarkRerunB is what moving a slider costs: B of each built-in story
// run again with one pool's agents changed, until the view has its first
// frames (of all its replications, or of the first firstReps of a story
// with more; the rest, and the verdict, which runs the claims' variants,
// follow), on all cores. docs/classroom.md has the figures.
func BenchmarkRerunB(b *testing.B) {
	for _, story := range testLibrary.Stories() {
		b.Run(story.Name, func(b *testing.B) {
			r := &runner{slots: make(chan struct{}, 1), version: "bench"}
			sets := []string{"pools." + story.Pools[0] + ".add=1"}
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				_, err := r.run(ctx, side{story: story, sets: sets, seed: 1}, func(*Outcome) { cancel() })
				cancel()
				if err != nil && !isCancel(err) {
					b.Fatal(err)
				}
			}
		})
	}
}
