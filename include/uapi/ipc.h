/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mica's L4-style synchronous IPC: the system calls that are ours, not Linux's (docs/ipc.md).
 *
 * An endpoint is named by file descriptors. ipc_endpoint() makes one and returns its server
 * end; ipc_connect() on a server end returns a client end carrying a badge the endpoint's
 * creator chose, which reaches the server with every message sent through it. Both pass
 * through fork and exec (unless close-on-exec) like any descriptor. When the last server end
 * closes (or its holder dies), pending and later calls fail with EPIPE.
 *
 * A message is IPC_MSG_WORDS words, carried in registers both ways (the stubs below load and
 * store them): nothing is copied through memory on the way. The register convention:
 *
 *   in:  rax number, rdi fd, rsi rdx r10 r8 r9 r12 = w[0..5], r13 timeout in ns (send/recv
 *        only: < 0 waits for ever, 0 only tries, > 0 waits that long, then ETIMEDOUT)
 *   out: rax result (>= 0, or -errno), rsi rdx r10 r8 r9 r12 = w[0..5];
 *        for a receive (ipc_recv, ipc_reply_recv) rax is the sender's pid and rdi its badge.
 *
 * rcx and r11 are clobbered by SYSCALL as always; every other register is preserved.
 * Bulk data goes through the endpoint's shared buffer: mmap(MAP_SHARED) of either end maps
 * the same IPC_BUF_SIZE bytes in every process that maps it.
 */
#ifndef _UAPI_IPC_H
#define _UAPI_IPC_H

/* Above Linux's numbers, so that no future Linux call can collide with them. */
#define __NR_ipc_endpoint 1024 /* (unsigned int flags) -> server fd */
#define __NR_ipc_connect 1025 /* (int server_fd, u64 badge, unsigned int flags) -> client fd */
#define __NR_ipc_call 1026 /* client fd: send w[], wait for the reply's w[] */
#define __NR_ipc_reply_recv 1027 /* server fd: reply to the last caller, wait for the next */
#define __NR_ipc_send 1028 /* client fd: send w[] and wait (timeout) until it is taken */
#define __NR_ipc_recv 1029 /* server fd: wait (timeout) for a call or a send */
#define __NR_ipc_echo 1030 /* (void *buf, size_t len): the in-kernel comparison: copy in, out */

#define IPC_MSG_WORDS 6
#define IPC_BUF_SIZE (64 * 1024)
#define IPC_ECHO_MAX 4096

/* flags of ipc_endpoint and ipc_connect */
#define IPC_CLOEXEC 02000000 /* O_CLOEXEC */

#ifndef __KERNEL__
struct ipc_msg {
	unsigned long long w[IPC_MSG_WORDS];
	unsigned long long badge; /* out, on a receive: the sending client end's badge */
	int pid; /* out, on a receive: the sender's pid */
	int __pad;
};

/*
 * The stubs return what the kernel returns: >= 0 on success, -errno on failure (errno is not
 * set), so that the same header serves our libc and musl alike.
 */
static inline long __ipc_syscall(long nr, long fd, struct ipc_msg *m, long timeout)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = fd;
	register unsigned long long rsi __asm__("rsi") = m->w[0];
	register unsigned long long rdx __asm__("rdx") = m->w[1];
	register unsigned long long r10 __asm__("r10") = m->w[2];
	register unsigned long long r8 __asm__("r8") = m->w[3];
	register unsigned long long r9 __asm__("r9") = m->w[4];
	register unsigned long long r12 __asm__("r12") = m->w[5];
	register long r13 __asm__("r13") = timeout;

	__asm__ volatile("syscall"
			 : "+a"(rax), "+D"(rdi), "+S"(rsi), "+d"(rdx), "+r"(r10), "+r"(r8),
			   "+r"(r9), "+r"(r12)
			 : "r"(r13)
			 : "rcx", "r11", "memory");
	if (rax >= 0) {
		m->w[0] = rsi;
		m->w[1] = rdx;
		m->w[2] = r10;
		m->w[3] = r8;
		m->w[4] = r9;
		m->w[5] = r12;
		if (nr == __NR_ipc_recv || nr == __NR_ipc_reply_recv) {
			m->badge = (unsigned long long)rdi;
			m->pid = (int)rax;
		}
	}
	return rax;
}

static inline long __ipc_syscall3(long nr, long a, long b, long c)
{
	register long rax __asm__("rax") = nr;
	register long rdi __asm__("rdi") = a;
	register long rsi __asm__("rsi") = b;
	register long rdx __asm__("rdx") = c;

	__asm__ volatile("syscall"
			 : "+a"(rax)
			 : "r"(rdi), "r"(rsi), "r"(rdx)
			 : "rcx", "r11", "memory");
	return rax;
}

static inline int ipc_endpoint(unsigned int flags)
{
	return (int)__ipc_syscall3(__NR_ipc_endpoint, flags, 0, 0);
}

static inline int ipc_connect(int server_fd, unsigned long long badge, unsigned int flags)
{
	return (int)__ipc_syscall3(__NR_ipc_connect, server_fd, (long)badge, flags);
}

/* m: the request in, the reply out. */
static inline long ipc_call(int fd, struct ipc_msg *m)
{
	return __ipc_syscall(__NR_ipc_call, fd, m, -1);
}

/* m: the reply in, the next request (and its sender) out. Returns the sender's pid. */
static inline long ipc_reply_recv(int fd, struct ipc_msg *m)
{
	return __ipc_syscall(__NR_ipc_reply_recv, fd, m, -1);
}

static inline long ipc_send(int fd, struct ipc_msg *m, long timeout_ns)
{
	return __ipc_syscall(__NR_ipc_send, fd, m, timeout_ns);
}

/* Returns the sender's pid; m gets the message, badge and pid. */
static inline long ipc_recv(int fd, struct ipc_msg *m, long timeout_ns)
{
	return __ipc_syscall(__NR_ipc_recv, fd, m, timeout_ns);
}

static inline long ipc_echo(void *buf, unsigned long len)
{
	return __ipc_syscall3(__NR_ipc_echo, (long)buf, (long)len, 0);
}
#endif /* !__KERNEL__ */

#endif /* _UAPI_IPC_H */
