package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
)

// The kinds of mutant, named as gremlins names them.
const (
	arithmeticBase       = "ARITHMETIC_BASE"
	conditionalsBoundary = "CONDITIONALS_BOUNDARY"
	conditionalsNegation = "CONDITIONALS_NEGATION"
	incrementDecrement   = "INCREMENT_DECREMENT"
	invertNegatives      = "INVERT_NEGATIVES"
)

// Mutant is one change to one operator of the source.
type Mutant struct {
	ID       int    `json:"id"`
	Kind     string `json:"kind"`
	File     string `json:"file"` // relative to the module root
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Func     string `json:"func"` // the enclosing function, or "" at package level
	From     string `json:"from"` // the operator, and what it becomes
	To       string `json:"to"`
	Code     string `json:"code"` // the source line, trimmed
	Status   string `json:"status"`
	KilledBy string `json:"killed_by,omitempty"`
}

// String names the mutant as a report line does.
func (m *Mutant) String() string {
	f := m.Func
	if f == "" {
		f = "package level"
	}
	return fmt.Sprintf("%s:%d:%d %s %s → %s in %s: %s", m.File, m.Line, m.Col, m.Kind, m.From, m.To, f, m.Code)
}

// edit is a change to a file's bytes: the bytes [start, end) replaced by
// text. Insertions have start == end. Edits that fall at the same offset
// are ordered so that nested calls come out well formed: first closing
// parentheses, innermost first; then an operator's replacement; then
// openings, outermost first.
type edit struct {
	start, end int
	text       string
	order      int // 0 closing, 1 operator, 2 opening
	span       int // the length of the node the edit belongs to
}

func sortEdits(es []edit) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.order != b.order {
			return a.order < b.order
		}
		if a.order == 0 {
			return a.span < b.span
		}
		return a.span > b.span
	})
}

func applyEdits(src []byte, es []edit) []byte {
	sortEdits(es)
	var b strings.Builder
	b.Grow(len(src) + 64*len(es))
	at := 0
	for _, e := range es {
		b.Write(src[at:e.start])
		b.WriteString(e.text)
		at = max(at, e.end)
	}
	b.Write(src[at:])
	return []byte(b.String())
}

// rewriter finds a file's mutants and the edits that wrap each operator in
// a call to its helper.
type rewriter struct {
	fset  *token.FileSet
	info  *types.Info
	src   []byte
	rel   string       // the file's path relative to the module root
	skip  map[int]bool // lines left alone: the compiler refused a helper there
	next  *int         // the last mutant number given out, shared by the package
	edits []edit
	muts  []*Mutant
	fn    string
}

func (r *rewriter) offset(p token.Pos) int { return r.fset.Position(p).Offset }

func (r *rewriter) line(p token.Pos) string {
	pos := r.fset.Position(p)
	start := pos.Offset - (pos.Column - 1)
	end := start
	for end < len(r.src) && r.src[end] != '\n' {
		end++
	}
	return strings.TrimSpace(string(r.src[start:end]))
}

func (r *rewriter) mutant(kind string, at token.Pos, from, to string) int {
	*r.next++
	pos := r.fset.Position(at)
	r.muts = append(r.muts, &Mutant{
		ID: *r.next, Kind: kind, File: r.rel, Line: pos.Line, Col: pos.Column,
		Func: r.fn, From: from, To: to, Code: r.line(at),
	})
	return *r.next
}

// wrap records the edits that turn the node [from, to) into
// helper(ids..., <node's text with open and sep>), the operator at op
// (of length opLen) replaced by sep.
func (r *rewriter) wrap(n ast.Node, helper string, ids []int, op token.Pos, opLen int, sep string) {
	start, end := r.offset(n.Pos()), r.offset(n.End())
	span := end - start
	var head strings.Builder
	head.WriteString(helper)
	head.WriteString("(")
	for _, id := range ids {
		fmt.Fprintf(&head, "%d, ", id)
	}
	if op.IsValid() && r.offset(op) == start {
		// A unary operator: the helper's call takes its place.
		r.edits = append(r.edits, edit{start: start, end: start + opLen, text: head.String(), order: 2, span: span})
	} else {
		r.edits = append(r.edits, edit{start: start, end: start, text: head.String(), order: 2, span: span})
		if op.IsValid() {
			o := r.offset(op)
			r.edits = append(r.edits, edit{start: o, end: o + opLen, text: sep, order: 1, span: span})
		}
	}
	r.edits = append(r.edits, edit{start: end, end: end, text: ")", order: 0, span: span})
}

func (r *rewriter) isConst(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	return ok && tv.Value != nil
}

func basicInfo(t types.Type) types.BasicInfo {
	if t == nil {
		return 0
	}
	if _, ok := t.(*types.TypeParam); ok {
		return 0
	}
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return 0
	}
	return b.Info()
}

func isNumber(t types.Type) bool {
	i := basicInfo(t)
	return i&(types.IsInteger|types.IsFloat) != 0 && i&types.IsUntyped == 0
}

func isInteger(t types.Type) bool {
	i := basicInfo(t)
	return i&types.IsInteger != 0 && i&types.IsUntyped == 0
}

func isOrdered(t types.Type) bool {
	i := basicInfo(t)
	return i&(types.IsInteger|types.IsFloat|types.IsString) != 0 && i&types.IsUntyped == 0
}

// operandType is the type both operands of a comparison share, or nil when
// they have none the helpers can take: an untyped operand takes the other's
// type, two typed ones must be identical.
func (r *rewriter) operandType(x, y ast.Expr) types.Type {
	tx, ty := r.info.Types[x].Type, r.info.Types[y].Type
	if tx == nil || ty == nil {
		return nil
	}
	ux := basicInfo(tx)&types.IsUntyped != 0
	uy := basicInfo(ty)&types.IsUntyped != 0
	switch {
	case ux && uy:
		return nil
	case ux:
		return ty
	case uy:
		return tx
	case types.Identical(tx, ty):
		return tx
	}
	return nil
}

var arithmetic = map[token.Token]struct {
	helper string
	to     token.Token
}{
	token.ADD: {"omnisimMutAdd", token.SUB},
	token.SUB: {"omnisimMutSub", token.ADD},
	token.MUL: {"omnisimMutMul", token.QUO},
	token.QUO: {"omnisimMutQuo", token.MUL},
	token.REM: {"omnisimMutRem", token.MUL},
}

var ordered = map[token.Token]struct {
	helper             string
	boundary, negation token.Token
}{
	token.LSS: {"omnisimMutLss", token.LEQ, token.GEQ},
	token.LEQ: {"omnisimMutLeq", token.LSS, token.GTR},
	token.GTR: {"omnisimMutGtr", token.GEQ, token.LEQ},
	token.GEQ: {"omnisimMutGeq", token.GTR, token.LSS},
}

func (r *rewriter) visit(n ast.Node) bool {
	if e, ok := n.(ast.Expr); ok && r.isConst(e) {
		return false // a constant: the compiler's, not the run's
	}
	switch n := n.(type) {
	case *ast.FuncDecl:
		r.fn = n.Name.Name
		if n.Recv != nil && len(n.Recv.List) == 1 {
			r.fn = recvName(n.Recv.List[0].Type) + "." + r.fn
		}
	case *ast.BinaryExpr:
		if r.skip[r.fset.Position(n.Pos()).Line] {
			return true
		}
		r.binary(n)
	case *ast.UnaryExpr:
		if n.Op != token.SUB || r.skip[r.fset.Position(n.Pos()).Line] {
			return true
		}
		if isNumber(r.info.Types[n].Type) {
			id := r.mutant(invertNegatives, n.OpPos, "-x", "x")
			r.wrap(n, "omnisimMutNeg", []int{id}, n.OpPos, 1, "")
		}
	case *ast.IncDecStmt:
		if r.skip[r.fset.Position(n.Pos()).Line] || !isNumber(r.info.Types[n.X].Type) || r.isMapElement(n.X) {
			return true
		}
		from, to, inc := "++", "--", "true"
		if n.Tok == token.DEC {
			from, to, inc = "--", "++", "false"
		}
		id := r.mutant(incrementDecrement, n.TokPos, from, to)
		start, tok := r.offset(n.X.Pos()), r.offset(n.TokPos)
		span := r.offset(n.End()) - start
		r.edits = append(r.edits,
			edit{start: start, end: start, text: fmt.Sprintf("omnisimMutIncDec(%d, &(", id), order: 2, span: span},
			edit{start: tok, end: tok + 2, text: "), " + inc + ")", order: 1, span: span})
	}
	return true
}

func (r *rewriter) binary(n *ast.BinaryExpr) {
	at := n.OpPos
	opLen := len(n.Op.String())
	if a, ok := arithmetic[n.Op]; ok {
		t := r.info.Types[n].Type
		if !isNumber(t) || (n.Op == token.REM && !isInteger(t)) {
			return
		}
		id := r.mutant(arithmeticBase, at, n.Op.String(), a.to.String())
		r.wrap(n, a.helper, []int{id}, at, opLen, ",")
		return
	}
	if o, ok := ordered[n.Op]; ok {
		if t := r.operandType(n.X, n.Y); t == nil || !isOrdered(t) {
			return
		}
		b := r.mutant(conditionalsBoundary, at, n.Op.String(), o.boundary.String())
		g := r.mutant(conditionalsNegation, at, n.Op.String(), o.negation.String())
		r.wrap(n, o.helper, []int{b, g}, at, opLen, ",")
		return
	}
	if n.Op == token.EQL || n.Op == token.NEQ {
		// x != y is !(x == y) for every type, NaN included: the helper
		// negates the comparison's result, whatever its operands.
		to := token.NEQ
		if n.Op == token.NEQ {
			to = token.EQL
		}
		id := r.mutant(conditionalsNegation, at, n.Op.String(), to.String())
		r.wrap(n, "omnisimMutNot", []int{id}, token.NoPos, 0, "")
	}
}

// isMapElement reports whether e is m[k] of a map, which ++ can change but &
// cannot take.
func (r *rewriter) isMapElement(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := r.info.Types[ix.X].Type
	if t == nil {
		return true
	}
	_, isMap := t.Underlying().(*types.Map)
	return isMap
}

func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

// rewrite returns the source of file with every operator it can mutate
// wrapped in its helper, and the mutants, numbered on from *next.
func rewrite(fset *token.FileSet, file *ast.File, src []byte, info *types.Info, rel string, skip map[int]bool, next *int) ([]byte, []*Mutant) {
	r := &rewriter{fset: fset, info: info, src: src, rel: rel, skip: skip, next: next}
	for _, d := range file.Decls {
		r.fn = ""
		ast.Inspect(d, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			return r.visit(n)
		})
	}
	if len(r.muts) == 0 {
		return nil, nil
	}
	return applyEdits(src, r.edits), r.muts
}
