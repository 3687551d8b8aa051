/* The syscall table: every number in user/libc/syscall.tbl is named in a case, so the check
 * that both builds give the same answers compares our numbers with musl's; and the generic
 * syscall() reaches the kernel. */
#include "tap.h"
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int n = 0;
#define X(name, nr) n++;
#include "syscall_list.h"
#undef X
	tap_plan(n + 3);
#define X(name, nr) ok(SYS_##name == nr, "SYS_" #name " is %ld", (long)SYS_##name);
#include "syscall_list.h"
#undef X
	ok(syscall(SYS_getpid) == getpid(), "syscall(SYS_getpid)");
	errno = 0;
	ok(syscall(SYS_close, -1) == -1 && errno == EBADF, "syscall() sets errno");
	errno = 0;
	ok(syscall(100000) == -1 && errno == ENOSYS, "an unknown number: ENOSYS");
	return tap_done();
}
