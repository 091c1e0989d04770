package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// rewriteSource type-checks src (package p, no imports) and rewrites it.
func rewriteSource(t *testing.T, src string) (string, []*Mutant) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	next := 0
	out, muts := rewrite(fset, f, []byte(src), info, "p/p.go", nil, &next)
	return string(out), muts
}

// TestRewrite checks the schemata of each operator: the operator replaced
// by its helper's call with the mutants' numbers (a binary operator by the
// comma between the arguments, its spaces kept, so that columns move
// little), nested calls well formed, constants, strings and map elements
// left alone.
func TestRewrite(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
		kinds           []string
	}{
		{"arithmetic", "func f(a, b float64) float64 { return a + b*2 }",
			"func f(a, b float64) float64 { return omnisimMutAdd(1, a , omnisimMutMul(2, b,2)) }",
			[]string{arithmeticBase, arithmeticBase}},
		{"parentheses", "func f(a, b int) int { return (a - b) % 3 }",
			"func f(a, b int) int { return omnisimMutRem(1, (omnisimMutSub(2, a , b)) , 3) }",
			[]string{arithmeticBase, arithmeticBase}},
		{"comparison", "func f(a, b int) bool { return a < b }",
			"func f(a, b int) bool { return omnisimMutLss(1, 2, a , b) }",
			[]string{conditionalsBoundary, conditionalsNegation}},
		{"equality of anything", "func f(a []int) bool { return a == nil }",
			"func f(a []int) bool { return omnisimMutNot(1, a == nil) }",
			[]string{conditionalsNegation}},
		{"negative", "func f(a float64) float64 { return -a }",
			"func f(a float64) float64 { return omnisimMutNeg(1, a) }",
			[]string{invertNegatives}},
		{"a negative in a sum", "func f(a, b float64) float64 { return -a + b }",
			"func f(a, b float64) float64 { return omnisimMutAdd(1, omnisimMutNeg(2, a) , b) }",
			[]string{arithmeticBase, invertNegatives}},
		{"increment in a loop", "func f(n int) (s int) { for i := 0; i < n; i++ { s += i }; return }",
			"func f(n int) (s int) { for i := 0; omnisimMutLss(1, 2, i , n); omnisimMutIncDec(3, &(i), true) { s += i }; return }",
			[]string{conditionalsBoundary, conditionalsNegation, incrementDecrement}},
		{"constants alone", "const c = 2 * 3\n\nfunc f() int { return c + 1 - -4 }",
			"", nil},
		{"strings alone", `func f(s string) string { return s + "x" }`, "", nil},
		{"map elements alone", "func f(m map[string]int) { m[\"a\"]++ }", "", nil},
		{"mixed operand types alone", "type e struct{}\n\nfunc (e) Error() string { return \"\" }\n\nfunc f(a error, b *e) bool { return a == b }",
			"type e struct{}\n\nfunc (e) Error() string { return \"\" }\n\nfunc f(a error, b *e) bool { return omnisimMutNot(1, a == b) }",
			[]string{conditionalsNegation}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "package p\n\n" + tc.src + "\n"
			got, muts := rewriteSource(t, src)
			want := ""
			if tc.want != "" {
				want = "package p\n\n" + tc.want + "\n"
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			var kinds []string
			for _, m := range muts {
				kinds = append(kinds, m.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(tc.kinds, ",") {
				t.Errorf("mutants %v, want %v", kinds, tc.kinds)
			}
		})
	}
}

// TestMutantPositions checks what a mutant says of itself: where its
// operator is, in which function, and the line it is on.
func TestMutantPositions(t *testing.T) {
	_, muts := rewriteSource(t, "package p\n\ntype T struct{ n int }\n\nfunc (t *T) Grow(k int) {\n\tt.n = t.n * k\n}\n")
	if len(muts) != 1 {
		t.Fatalf("%d mutants, want 1", len(muts))
	}
	want := "p/p.go:6:12 ARITHMETIC_BASE * → / in T.Grow: t.n = t.n * k"
	if got := muts[0].String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestParseDiff checks the lines a unified diff with no context marks as
// changed in the new files.
func TestParseDiff(t *testing.T) {
	diff := `diff --git a/sim/ci.go b/sim/ci.go
--- a/sim/ci.go
+++ b/sim/ci.go
@@ -10 +10 @@ func f() {
-	a := 1
+	a := 2
@@ -20,0 +21,2 @@ func g() {
+	b := 1
+	c := 2
@@ -30,2 +32,0 @@ func h() {
-	gone
-	gone
diff --git a/sim/old.go b/sim/old.go
--- a/sim/old.go
+++ /dev/null
@@ -1 +0,0 @@
-package sim
`
	got := parseDiff([]byte(diff))
	want := map[int]bool{10: true, 21: true, 22: true}
	if len(got["sim/ci.go"]) != len(want) {
		t.Errorf("sim/ci.go: got lines %v, want %v", got["sim/ci.go"], want)
	}
	for l := range want {
		if !got["sim/ci.go"][l] {
			t.Errorf("sim/ci.go: line %d not marked changed", l)
		}
	}
	if len(got) != 1 {
		t.Errorf("got files %v, want only sim/ci.go", got)
	}
}
