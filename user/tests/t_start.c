/* Start-up: argc/argv/envp, the auxiliary vector, TLS, init arrays, atexit and exit. */
#include "tap.h"
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

static __thread int tls_init = 42;
static __thread int tls_zero;
static __thread char tls_big[100] = "tls data";
static int ctor_ran;
static int data_var = 7;
static int *data_ptr = &data_var; /* a pointer in .data: needs a relocation in a static PIE */
static const char *str_table[] = { "alpha", "beta" };

__attribute__((constructor)) static void ctor(void)
{
	ctor_ran = 1;
}

int main(int argc, char **argv, char **envp)
{
	tap_plan(17);
	ok(argc >= 1 && argv[0] && strstr(argv[0], "t_start"), "argv[0] names the program");
	ok(argv[argc] == NULL, "argv ends with NULL");
	ok(envp == environ, "envp is environ");
	ok(getenv("PATH") != NULL || getenv("HOME") != NULL || environ[0] == NULL,
	   "getenv finds the environment");
	ok(getauxval(AT_PAGESZ) == 4096, "getauxval(AT_PAGESZ) is 4096");
	ok(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0, "AT_PHDR and AT_PHNUM are there");
	ok(getauxval(AT_RANDOM) != 0, "AT_RANDOM points at 16 random bytes");
	const unsigned char *vdso = (const unsigned char *)getauxval(AT_SYSINFO_EHDR);
	ok(vdso && !memcmp(vdso, "\177ELF", 4), "AT_SYSINFO_EHDR points at the vDSO's ELF header");
	errno = 0;
	ok(getauxval(12345) == 0 && errno == ENOENT, "a missing auxv entry is 0 with ENOENT");
	ok(tls_init == 42 && tls_zero == 0 && !strcmp(tls_big, "tls data"),
	   "TLS is initialised from PT_TLS (.tdata and .tbss)");
	void *fs0;
	__asm__("mov %%fs:0, %0" : "=r"(fs0));
	ok(fs0 != NULL && (uintptr_t)&tls_zero < (uintptr_t)fs0 &&
		   (uintptr_t)fs0 - (uintptr_t)&tls_zero < 4096,
	   "%%fs:0 points to the TCB, just above the TLS block");
	tls_zero = 5;
	ok(tls_zero == 5, "TLS is writable");
	ok(ctor_ran, "constructors (init_array) ran before main");
	ok(*data_ptr == 7 && !strcmp(str_table[1], "beta"), "pointers in data are relocated");
	ok(sysconf(_SC_PAGESIZE) == 4096, "sysconf(_SC_PAGESIZE)");
	ok(getpid() > 0 && getppid() > 0, "getpid and getppid");
	int *e = &errno;
	ok(e != NULL && (uintptr_t)e != (uintptr_t)&data_var, "errno has an address of its own");
	return tap_done();
}
