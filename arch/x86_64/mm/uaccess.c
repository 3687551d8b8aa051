// SPDX-License-Identifier: GPL-2.0
/*
 * Copies across the user/kernel boundary. One primitive does the work: rep movsq (or stosq)
 * for the eight-byte words, then rep movsb for the tail, each at a listed instruction. If the
 * word copy faults, the handler resumes at a fix-up that turns the words left into bytes and
 * goes on byte by byte from where it stopped, so that a fault stops at the exact byte; if the
 * byte copy faults and the page cannot be faulted in, it resumes after it with RCX counting
 * the bytes not done, which is exactly what the callers return.
 */
#include <asm/extable.h>
#include <asm/uaccess.h>

static bool smap_on;

void uaccess_enable_smap(void)
{
	smap_on = true;
}

static __always_inline void user_access_begin(void)
{
	if (smap_on)
		__asm__ volatile("stac" ::: "memory");
}

static __always_inline void user_access_end(void)
{
	if (smap_on)
		__asm__ volatile("clac" ::: "memory");
}

static unsigned long copy_user_generic(void *to, const void *from, unsigned long n)
{
	unsigned long left = n >> 3;

	user_access_begin();
	__asm__ volatile("1: rep movsq\n\t"
			 "   mov %[tail], %%rcx\n\t"
			 "2: rep movsb\n\t"
			 "   jmp 4f\n\t"
			 "3: lea (%[tail], %%rcx, 8), %%rcx\n\t"
			 "   jmp 2b\n\t"
			 "4:\n\t" _ASM_EXTABLE(1b, 3b) _ASM_EXTABLE(2b, 4b)
			 : "+c"(left), "+D"(to), "+S"(from)
			 : [tail] "r"(n & 7)
			 : "memory");
	user_access_end();
	return left;
}

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return copy_user_generic((void *)to, from, n);
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (unlikely(!access_ok(from, n))) {
		__builtin_memset(to, 0, n);
		return n;
	}
	left = copy_user_generic(to, (const void *)from, n);
	/* Like Linux: what could not be read is zeroed, so no stale kernel data leaks on. */
	if (unlikely(left))
		__builtin_memset((char *)to + (n - left), 0, left);
	return left;
}

unsigned long clear_user(void __user *to, unsigned long n)
{
	void *dst = (void *)to;
	unsigned long left = n >> 3;

	if (unlikely(!access_ok(to, n)))
		return n;
	user_access_begin();
	__asm__ volatile("1: rep stosq\n\t"
			 "   mov %[tail], %%rcx\n\t"
			 "2: rep stosb\n\t"
			 "   jmp 4f\n\t"
			 "3: lea (%[tail], %%rcx, 8), %%rcx\n\t"
			 "   jmp 2b\n\t"
			 "4:\n\t" _ASM_EXTABLE(1b, 3b) _ASM_EXTABLE(2b, 4b)
			 : "+c"(left), "+D"(dst)
			 : "a"(0), [tail] "r"(n & 7)
			 : "memory");
	user_access_end();
	return left;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/*
 * Copies a NUL-terminated string of at most count bytes: its length (the NUL copied too) when
 * the NUL comes within count, count when it does not (dst then unterminated, as on Linux),
 * -EFAULT when the string runs into memory that cannot be read first.
 *
 * Every path goes through here, so it reads a word at a time: the aligned words that hold the
 * string (the first one's bytes before src masked off), each checked for a zero byte. An
 * aligned word never crosses a page, so nothing is read from a page the string does not
 * reach. Whole words are stored while they fit in count; bytes after the NUL in dst are
 * undefined, as Linux's are.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long addr = (unsigned long)src, head = addr & 7;
	const u64 *w = (const u64 *)(addr - head);
	u64 v, pad = (1ULL << (head * 8)) - 1, zeros;
	long done = 0, n;

	if (count <= 0)
		return 0;
	if (unlikely(!access_ok(src, 1)))
		return -EFAULT;
	user_access_begin();
	if (unlikely(load_nofault_u64(&v, w)))
		goto out_fault;
	/* The first word: bytes from head on, byte by byte (dst need not be aligned). */
	zeros = ((v | pad) - ONES) & ~(v | pad) & HIGHS;
	n = zeros ? (long)(__builtin_ctzll(zeros) >> 3) + 1 - (long)head : 8 - (long)head;
	if (n > count) {
		n = count;
		zeros = 0; /* the NUL lies beyond count */
	}
	if (likely(count >= 8)) {
		u64 first = v >> (head * 8); /* dst[n..8) gets zeros, later overwritten or unused */

		__builtin_memcpy(dst, &first, 8);
	} else {
		for (long i = 0; i < n; i++)
			dst[i] = (char)(v >> ((head + i) * 8));
	}
	done = n;
	if (zeros)
		goto out_found;
	while (done < count) {
		if (unlikely((unsigned long)++w >= TASK_SIZE_MAX) ||
		    unlikely(load_nofault_u64(&v, w)))
			goto out_fault;
		zeros = (v - ONES) & ~v & HIGHS;
		if (likely(count - done >= 8)) {
			__builtin_memcpy(dst + done, &v, 8);
			if (zeros) {
				done += (long)(__builtin_ctzll(zeros) >> 3) + 1;
				goto out_found;
			}
			done += 8;
			continue;
		}
		/* The tail of count: byte by byte, up to count. */
		for (n = 0; done < count; n++) {
			dst[done++] = (char)(v >> (n * 8));
			if (!(char)(v >> (n * 8)))
				goto out_found;
		}
	}
	user_access_end();
	return count;
out_found:
	user_access_end();
	return done - 1;
out_fault:
	user_access_end();
	return -EFAULT;
}

/*
 * The one atomic read-modify-write on user memory (futex.c: robust lists, FUTEX_WAKE_OP):
 * a locked CMPXCHG at a listed instruction. 0 with *uval the old value, or -EFAULT.
 */
int futex_atomic_cmpxchg_user(u32 *uval, u32 __user *uaddr, u32 oldval, u32 newval)
{
	int ret = -EFAULT;

	if (unlikely(!access_ok(uaddr, sizeof(u32))))
		return -EFAULT;
	user_access_begin();
	__asm__ volatile("1: lock cmpxchgl %[new], %[mem]\n\t"
			 "xor %[ret], %[ret]\n\t"
			 "2:\n\t" _ASM_EXTABLE(1b, 2b)
			 : [ret] "+r"(ret), [mem] "+m"(*(u32 *)uaddr), "+a"(oldval)
			 : [new] "r"(newval)
			 : "memory");
	user_access_end();
	*uval = oldval;
	return ret;
}
