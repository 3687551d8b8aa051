/* Mica libc: what the library's own files share. Not installed, not for programs. */
#ifndef _LIBC_INTERNAL_H
#define _LIBC_INTERNAL_H
#include <bits/types.h>
#include <sys/syscall.h>
#include <errno.h>

#define hidden __attribute__((visibility("hidden")))

static inline long __syscall0(long n)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall1(long n, long a)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall2(long n, long a, long b)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b) : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall4(long n, long a, long b, long c, long d)
{
	long r;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	long r;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return r;
}
static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	long r;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	__asm__ volatile("syscall"
			 : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return r;
}

#define __SC_NARGS(...) __SC_NARGS_(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define __SC_NARGS_(a, b, c, d, e, f, g, n, ...) n
#define __SC_CAT(a, b) __SC_CAT_(a, b)
#define __SC_CAT_(a, b) a##b
#define __SC_ARGS0(n) (n)
#define __SC_ARGS1(n, a) (n, (long)(a))
#define __SC_ARGS2(n, a, b) (n, (long)(a), (long)(b))
#define __SC_ARGS3(n, a, b, c) (n, (long)(a), (long)(b), (long)(c))
#define __SC_ARGS4(n, a, b, c, d) (n, (long)(a), (long)(b), (long)(c), (long)(d))
#define __SC_ARGS5(n, a, b, c, d, e) (n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e))
#define __SC_ARGS6(n, a, b, c, d, e, f) \
	(n, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
/* __sys(SYS_x, args...): the raw result, -errno on failure. */
#define __sys(...)                                   \
	__SC_CAT(__syscall, __SC_NARGS(__VA_ARGS__)) \
	__SC_CAT(__SC_ARGS, __SC_NARGS(__VA_ARGS__))(__VA_ARGS__)

/* A raw result turned into the C convention: -1 with errno set. */
hidden long __syscall_ret(long r);
#define __sysret(...) __syscall_ret(__sys(__VA_ARGS__))

/* The address of _DYNAMIC, without the GOT (whose entry is not relocated yet): the linker
 * defines it in a static PIE; in a plain -static executable it is an undefined weak 0. */
static inline const void *__dynamic(void)
{
	const void *p;
	__asm__(".weak _DYNAMIC\n\t.hidden _DYNAMIC\n\tlea _DYNAMIC(%%rip), %0" : "=r"(p));
	return p;
}

/* Start-up state. */
hidden extern unsigned long *__auxv;
/* getauxval without errno: usable before TLS exists. */
hidden unsigned long __getauxval(unsigned long type);
hidden extern size_t __page_size;
hidden void __init_tls(void);
hidden void __init_vdso(void);
/* The vDSO's entry points (0 when the kernel maps none): the raw -errno convention. */
hidden extern long (*__vdso_clock_gettime)(long clk, void *ts);
hidden extern long (*__vdso_gettimeofday)(void *tv, void *tz);
hidden void __stdio_exit(void);
hidden void __malloc_atfork(int phase);

/* The thread control block %fs points at: its first word points to itself (the x86-64 TLS ABI),
 * the stack-protector canary sits at %fs:0x28 as gcc expects. */
struct __tcb {
	struct __tcb *self;
	void *dtv;
	void *reserved[3];
	unsigned long canary;
	int tid;
	int errno_val;
	/* pthreads: the TCB is the pthread_t */
	void *(*start)(void *);
	void *arg, *result;
	volatile int state; /* THREAD_JOINABLE, _DETACHED, _EXITING */
	volatile int ctid; /* cleared and futex-woken by the kernel when the thread ends */
	void *map; /* the thread's mapping: stack, TLS, TCB; 0 for the main thread */
	size_t map_size;
	void **tsd; /* pthread_getspecific values, allocated on first use */
	int cancel_unused;
};
#define THREAD_JOINABLE 0
#define THREAD_DETACHED 1
#define THREAD_EXITING 2

/* What __init_tls found, for new threads: the PT_TLS image and the block's layout. */
struct __tls_image {
	const void *image;
	size_t filesz, memsz, blk, align;
};
hidden extern struct __tls_image __tls;
/* Lay out TLS + TCB in mem (at least __tls_size() bytes); returns the TCB. */
hidden struct __tcb *__tls_place(void *mem);
hidden size_t __tls_size(void);
static inline struct __tcb *__tcb(void)
{
	struct __tcb *t;
	__asm__("mov %%fs:0, %0" : "=r"(t));
	return t;
}

/* Locks: a word, 0 free, 1 held, 2 held with waiters; futex-based. */
hidden void __lock(volatile int *l);
hidden void __unlock(volatile int *l);

/* The printf engine's output: into a FILE or a buffer. */
struct __out {
	void (*put)(struct __out *o, const char *s, size_t n);
	void *ctx;
	char *buf;
	size_t len, cap;
	size_t total;
};
hidden int __vformat(struct __out *o, const char *fmt, __builtin_va_list ap);
/*
 * Reads a conversion's length modifier at *fmt and steps past it: 0 for none, 'H' hh, 'h',
 * 'l' (also j, z, t), 'q' ll or q, 'L'.
 */
hidden int __fmt_length(const char **fmt);
/* Exact decimal digits of a finite positive double: digits (no leading zeros) and the decimal
 * exponent e, value = 0.DIGITS * 10^e. Returns the number of digits. */
hidden int __dtoa_exact(double x, char *digits, int *e);
hidden double __make_double(uint64_t q, long e2, int sticky, int neg);
#endif
