#include "textflag.h"

// func prefetch(p, n uintptr): PREFETCHT0 of n lines of 64 bytes from p.
TEXT ·prefetch(SB), NOSPLIT|NOFRAME, $0-16
	MOVQ p+0(FP), AX
	MOVQ n+8(FP), CX
	TESTQ CX, CX
	JZ done
loop:
	PREFETCHT0 (AX)
	ADDQ $64, AX
	DECQ CX
	JNZ loop
done:
	RET

// func prefetchBoth(a, b, size uintptr): PREFETCHT0 of the first and last
// lines of the size bytes at a and at b.
TEXT ·prefetchBoth(SB), NOSPLIT|NOFRAME, $0-24
	MOVQ a+0(FP), AX
	MOVQ b+8(FP), BX
	MOVQ size+16(FP), CX
	DECQ CX
	PREFETCHT0 (AX)
	PREFETCHT0 (AX)(CX*1)
	PREFETCHT0 (BX)
	PREFETCHT0 (BX)(CX*1)
	RET

// func prefetch2(a, na, b, nb uintptr): prefetch(a, na) and
// prefetch(b, nb) in one call.
TEXT ·prefetch2(SB), NOSPLIT|NOFRAME, $0-32
	MOVQ a+0(FP), AX
	MOVQ na+8(FP), CX
	TESTQ CX, CX
	JZ done2A
loop2A:
	PREFETCHT0 (AX)
	ADDQ $64, AX
	DECQ CX
	JNZ loop2A
done2A:
	MOVQ b+16(FP), AX
	MOVQ nb+24(FP), CX
	TESTQ CX, CX
	JZ done2B
loop2B:
	PREFETCHT0 (AX)
	ADDQ $64, AX
	DECQ CX
	JNZ loop2B
done2B:
	RET
