package problem

import "testing"

func TestCollectorPaths(t *testing.T) {
	var list []Problem
	top := New(&list)
	top.Add("whole %d", 1)
	pools := top.At("pools")
	pools.At("agents").At("shifts").At("[2]").At("lunch").Add("too %s", "long")
	pools.At("[0]").Add("bad")
	want := []Problem{
		{"", "whole 1"},
		{"pools.agents.shifts[2].lunch", "too long"},
		{"pools[0]", "bad"},
	}
	if len(list) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(list), len(want), list)
	}
	for i := range want {
		if list[i] != want[i] {
			t.Errorf("problem %d: got %+v, want %+v", i, list[i], want[i])
		}
	}
	got := Lines("models: ", list)
	wantText := "models: whole 1\nmodels: pools.agents.shifts[2].lunch: too long\nmodels: pools[0]: bad"
	if got != wantText {
		t.Errorf("Lines: got %q, want %q", got, wantText)
	}
}
