package main

import (
	"fmt"
	"strings"
)

// helperFile is the source added to a package under test: the switch each
// rewritten operator calls. omnisimMutant is the mutant this process runs
// (OMNISIM_MUTANT, 0 for none); with OMNISIM_MUTATE_HITS set, the number of
// every operator reached is appended to that file the first time it is.
// The imports are renamed so that they cannot clash with the package's own
// names.
const helperFile = `package %s

import (
	omnisimmutos "os"
	omnisimmutstrconv "strconv"
	omnisimmutatomic "sync/atomic"
)

type omnisimMutNumber interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

type omnisimMutInteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type omnisimMutOrdered interface {
	omnisimMutNumber | ~string
}

type omnisimMutState struct {
	active int
	hits   *omnisimmutos.File
	seen   [%d]omnisimmutatomic.Bool
}

var omnisimMut = omnisimMutStart()

func omnisimMutStart() *omnisimMutState {
	s := &omnisimMutState{}
	s.active, _ = omnisimmutstrconv.Atoi(omnisimmutos.Getenv("OMNISIM_MUTANT"))
	if path := omnisimmutos.Getenv("OMNISIM_MUTATE_HITS"); path != "" {
		f, err := omnisimmutos.OpenFile(path, omnisimmutos.O_WRONLY|omnisimmutos.O_CREATE|omnisimmutos.O_APPEND, 0o644)
		if err != nil {
			panic(err)
		}
		s.hits = f
	}
	return s
}

func omnisimMutOn(id int) bool {
	s := omnisimMut
	if s.hits != nil && !s.seen[id].Load() && s.seen[id].CompareAndSwap(false, true) {
		if _, err := s.hits.WriteString(omnisimmutstrconv.Itoa(id) + "\n"); err != nil {
			panic(err)
		}
	}
	return id == s.active
}

func omnisimMutAdd[T omnisimMutNumber](id int, x, y T) T {
	if omnisimMutOn(id) {
		return x - y
	}
	return x + y
}

func omnisimMutSub[T omnisimMutNumber](id int, x, y T) T {
	if omnisimMutOn(id) {
		return x + y
	}
	return x - y
}

func omnisimMutMul[T omnisimMutNumber](id int, x, y T) T {
	if omnisimMutOn(id) {
		return x / y
	}
	return x * y
}

func omnisimMutQuo[T omnisimMutNumber](id int, x, y T) T {
	if omnisimMutOn(id) {
		return x * y
	}
	return x / y
}

func omnisimMutRem[T omnisimMutInteger](id int, x, y T) T {
	if omnisimMutOn(id) {
		return x * y
	}
	return x %% y
}

func omnisimMutNeg[T omnisimMutNumber](id int, x T) T {
	if omnisimMutOn(id) {
		return x
	}
	return -x
}

func omnisimMutIncDec[T omnisimMutNumber](id int, p *T, inc bool) {
	if omnisimMutOn(id) {
		inc = !inc
	}
	if inc {
		*p++
	} else {
		*p--
	}
}

func omnisimMutNot(id int, b bool) bool {
	if omnisimMutOn(id) {
		return !b
	}
	return b
}

// The comparisons: b is the boundary mutant (< to <=), n the negation (<
// to >=).

func omnisimMutLss[T omnisimMutOrdered](b, n int, x, y T) bool {
	ob, on := omnisimMutOn(b), omnisimMutOn(n)
	switch {
	case ob:
		return x <= y
	case on:
		return x >= y
	}
	return x < y
}

func omnisimMutLeq[T omnisimMutOrdered](b, n int, x, y T) bool {
	ob, on := omnisimMutOn(b), omnisimMutOn(n)
	switch {
	case ob:
		return x < y
	case on:
		return x > y
	}
	return x <= y
}

func omnisimMutGtr[T omnisimMutOrdered](b, n int, x, y T) bool {
	ob, on := omnisimMutOn(b), omnisimMutOn(n)
	switch {
	case ob:
		return x >= y
	case on:
		return x <= y
	}
	return x > y
}

func omnisimMutGeq[T omnisimMutOrdered](b, n int, x, y T) bool {
	ob, on := omnisimMutOn(b), omnisimMutOn(n)
	switch {
	case ob:
		return x > y
	case on:
		return x < y
	}
	return x >= y
}
`

// helperSource is helperFile for package name with room for mutants
// numbered up to last.
func helperSource(name string, last int) []byte {
	s := fmt.Sprintf(helperFile, name, last+1)
	return []byte(strings.TrimLeft(s, "\n"))
}
